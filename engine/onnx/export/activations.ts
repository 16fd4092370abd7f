import type { OnnxBuilder } from './onnx-builder';

/** Activations (TF.js ids) and the ONNX ops that compute them; each entry adds its nodes after `x`. */
const ACTIVATION_OPS: Record<string, (b: OnnxBuilder, x: string, base: string) => string> = {
  linear: (_b, x) => x,
  relu: (b, x, base) => b.op1('Relu', [x], base),
  relu6: (b, x, base) => b.op1('Clip', [x, b.floats(`${base}/min`, [], [0]), b.floats(`${base}/max`, [], [6])], base),
  elu: (b, x, base) => b.op1('Elu', [x], base, { alpha: { float: 1 } }),
  selu: (b, x, base) => b.op1('Selu', [x], base),
  sigmoid: (b, x, base) => b.op1('Sigmoid', [x], base),
  // TF.js: clip(0.2·x + 0.5, 0, 1), ONNX's defaults.
  hardSigmoid: (b, x, base) => b.op1('HardSigmoid', [x], base, { alpha: { float: 0.2 }, beta: { float: 0.5 } }),
  tanh: (b, x, base) => b.op1('Tanh', [x], base),
  softmax: (b, x, base) => b.op1('Softmax', [x], base, { axis: -1 }),
  softplus: (b, x, base) => b.op1('Softplus', [x], base),
  softsign: (b, x, base) => b.op1('Softsign', [x], base),
  swish: (b, x, base) => b.op1('Mul', [x, b.op1('Sigmoid', [x], `${base}/sigmoid`)], base),
  mish: (b, x, base) => b.op1('Mul', [x, b.op1('Tanh', [b.op1('Softplus', [x], `${base}/softplus`)], `${base}/tanh`)], base),
  // 0.5·x·(1 + erf(x/√2)), the exact GELU.
  gelu: (b, x, base) => {
    const erf = b.op1('Erf', [b.op1('Mul', [x, b.floats(`${base}/inv_sqrt2`, [], [Math.SQRT1_2])], `${base}/scaled`)], `${base}/erf`);
    const onePlus = b.op1('Add', [erf, b.floats(`${base}/one`, [], [1])], `${base}/one_plus`);
    return b.op1('Mul', [b.op1('Mul', [x, onePlus], `${base}/x_times`), b.floats(`${base}/half`, [], [0.5])], base);
  },
  // 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), the tanh approximation.
  gelu_new: (b, x, base) => {
    const cube = b.op1('Mul', [b.op1('Mul', [x, x], `${base}/sq`), x], `${base}/cube`);
    const inner = b.op1('Add', [x, b.op1('Mul', [cube, b.floats(`${base}/c`, [], [0.044715])], `${base}/c_cube`)], `${base}/inner`);
    const t = b.op1('Tanh', [b.op1('Mul', [inner, b.floats(`${base}/k`, [], [Math.sqrt(2 / Math.PI)])], `${base}/scaled`)], `${base}/tanh`);
    const onePlus = b.op1('Add', [t, b.floats(`${base}/one`, [], [1])], `${base}/one_plus`);
    return b.op1('Mul', [b.op1('Mul', [x, onePlus], `${base}/x_times`), b.floats(`${base}/half`, [], [0.5])], base);
  },
};

/** Applies a TF.js activation to `x` (softmax over the last axis); returns the result's name. */
export function applyActivation(b: OnnxBuilder, x: string, activation: string, base: string): string {
  const op = ACTIVATION_OPS[activation];
  if (!op) throw new Error(`no ONNX form for activation ${activation}`);
  return op(b, x, `${base}/${activation}`);
}

/** Whether an activation needs the channels-last layout (softmax works on the last axis). */
export function activationNeedsLast(activation: string): boolean {
  return activation === 'softmax';
}

/** Whether an activation has an ONNX form. */
export function hasOnnxActivation(activation: string): boolean {
  return activation in ACTIVATION_OPS;
}

/** ONNX recurrent-op activation names (LSTM/GRU/RNN `activations`), with alpha/beta for those that take them. */
export const RECURRENT_ACTIVATIONS: Record<string, { name: string; alpha?: number; beta?: number }> = {
  sigmoid: { name: 'Sigmoid' },
  tanh: { name: 'Tanh' },
  relu: { name: 'Relu' },
  hardSigmoid: { name: 'HardSigmoid', alpha: 0.2, beta: 0.5 },
  softsign: { name: 'Softsign' },
  softplus: { name: 'Softplus' },
  elu: { name: 'Elu', alpha: 1 },
};
