import { analyse } from '../analysis/analyse';
import type { Analysis } from '../analysis/types';
import type { GraphDoc } from '../graph/schema';
import { TrainingConfigSchema } from '../graph/training-config';
import { paramsToKerasConfig } from '../keras/config';
import { layerSpecForKerasClass } from '../layers/registry';
import type { AnyLayerSpec } from '../layers/spec';
import { codePlan } from './code-plan';
import { kerasObjectives } from './keras-objectives';

const INITIALIZER_CLASSES = new Set([
  'GlorotUniform',
  'GlorotNormal',
  'HeUniform',
  'HeNormal',
  'LecunUniform',
  'LecunNormal',
  'Zeros',
  'Ones',
  'RandomUniform',
  'RandomNormal',
  'TruncatedNormal',
  'Orthogonal',
  'Identity',
  'VarianceScaling',
  'Constant',
]);
const OPTIMIZERS: Record<string, string> = {
  adam: 'Adam',
  sgd: 'SGD',
  rmsprop: 'RMSprop',
  adagrad: 'Adagrad',
  adadelta: 'Adadelta',
  adamax: 'Adamax',
};

/** A JSON value as a Python literal; Keras class dicts become constructor calls. */
export function pythonLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : value > 0 ? 'float("inf")' : 'float("-inf")';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(', ')}]`;
  const record = value as Record<string, unknown>;
  if (typeof record.class_name === 'string' && typeof record.config === 'object' && record.config !== null) {
    const config = record.config as Record<string, unknown>;
    if (INITIALIZER_CLASSES.has(record.class_name)) return `keras.initializers.${record.class_name}(${kwargs(config)})`;
    if (record.class_name === 'L1L2') return `keras.regularizers.L1L2(${kwargs(config)})`;
    if (layerSpecForKerasClass(record.class_name)) return `layers.${record.class_name}(${kwargs(config)})`;
  }
  return `{${Object.entries(record)
    .map(([k, v]) => `${JSON.stringify(k)}: ${pythonLiteral(v)}`)
    .join(', ')}}`;
}

function kwargs(config: Record<string, unknown>): string {
  return Object.entries(config)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${pythonLiteral(v)}`)
    .join(', ');
}

/** A layer's keyword arguments. */
function layerConfig(
  spec: AnyLayerSpec,
  params: Record<string, unknown>,
  name: string,
  trainable: boolean | undefined,
): Record<string, unknown> {
  return { ...withBackwardLayer(paramsToKerasConfig(spec, params)), name, ...(trainable === false ? { trainable: false } : {}) };
}

/**
 * A Bidirectional's config as Keras 3 builds it. Keras 3 makes the backward copy with
 * `go_backwards=True` and refuses two copies going the same way, so an inner layer that itself goes
 * backwards needs its backward copy given explicitly, going forwards — which is what TF.js builds.
 */
function withBackwardLayer(config: Record<string, unknown>): Record<string, unknown> {
  const inner = config.layer as { class_name?: unknown; config?: Record<string, unknown> } | undefined;
  if (inner?.config?.go_backwards !== true || 'backward_layer' in config) return config;
  const name = typeof inner.config.name === 'string' ? inner.config.name : String(inner.class_name).toLowerCase();
  return { ...config, backward_layer: { ...inner, config: { ...inner.config, go_backwards: false, name: `backward_${name}` } } };
}

const tuple = (dims: readonly (number | null)[]) =>
  `(${dims.map((d) => (d === null ? 'None' : String(d))).join(', ')}${dims.length === 1 ? ',' : ''})`;

/** What else the Python code is shipped with. */
export interface KerasPythonOptions {
  /** The name of a Keras 3 weights file beside `model.py` (`model.weights.h5`) that the code loads. */
  weightsFile?: string;
}

/**
 * Keras (functional API) Python source that builds the same model as the graph, compiles it with the
 * graph's training settings, and prints its summary when run; with `weightsFile`, `load_model()`
 * also loads the weights shipped beside it. Requires a graph without errors.
 */
export function kerasPython(doc: GraphDoc, analysis: Analysis = analyse(doc), options: KerasPythonOptions = {}): string {
  const plan = codePlan(doc, analysis, 'python');
  const body: string[] = [];
  for (const step of plan.steps) {
    const { node, info, spec, variable, inputs } = step;
    if (node.type === 'input') {
      const p = info.params as { shape: (number | null)[]; dtype: string };
      body.push(
        `${variable} = keras.Input(shape=${tuple(p.shape)}, dtype=${JSON.stringify(p.dtype)}, name=${JSON.stringify(info.layerName)})`,
      );
      continue;
    }
    const config = layerConfig(spec, info.params, info.layerName, node.trainable);
    // A recurrent layer's initial states go in initial_state=: Keras 3 takes no list of inputs there.
    const args = spec.inputs.portRanks
      ? [inputs[0] ?? '', ...(inputs.length > 1 ? [`initial_state=[${inputs.slice(1).join(', ')}]`] : [])].join(', ')
      : spec.inputs.max > 1
        ? `[${inputs.join(', ')}]`
        : (inputs[0] ?? '');
    const layer = step.layerVariable ?? `layers.${spec.keras.className}(${kwargs(config)})`;
    body.push(`${variable} = ${layer}(${args})`);
  }
  // A layer used at several places is made once, before the first use.
  const shared = plan.sharedLayers.map(
    (s) =>
      `${s.layerVariable} = layers.${s.spec.keras.className}(${kwargs(layerConfig(s.spec, s.info.params, s.info.layerName, s.node.trainable))})`,
  );
  const training = TrainingConfigSchema.parse(doc.training ?? {});
  const objectives = kerasObjectives(training);
  const modelName = (doc.name ?? 'model').replace(/[^A-Za-z0-9_]/g, '_');
  return [
    `"""${(doc.name ?? 'Model').replace(/"""/g, "'''")}: Keras model generated by NetCanvas.`,
    '',
    'Run it to print the summary; import build_model() to train it in Python.',
    '"""',
    ...(options.weightsFile ? ['import os', ''] : []),
    'import keras',
    'from keras import layers',
    ...(objectives.definitions.length > 0 ? ['from keras import ops'] : []),
    '',
    ...(options.weightsFile
      ? [`WEIGHTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), ${JSON.stringify(options.weightsFile)})`, '']
      : []),
    '',
    // The losses and metrics Keras has no built-in for, as NetCanvas computes them.
    ...objectives.definitions.flatMap((d) => [d.source, '', '']),
    'def build_model():',
    ...[...shared, ...body].map((line) => `    ${line}`),
    `    return keras.Model(inputs=[${plan.inputs.join(', ')}], outputs=[${plan.outputs.join(', ')}], name=${JSON.stringify(modelName)})`,
    '',
    '',
    'def compile_model(model):',
    `    model.compile(`,
    `        optimizer=keras.optimizers.${OPTIMIZERS[training.optimizer] ?? 'Adam'}(learning_rate=${training.learningRate}),`,
    `        loss=${objectives.loss},`,
    `        metrics=${objectives.metrics},`,
    '    )',
    '    return model',
    '',
    '',
    ...(options.weightsFile
      ? [
          'def load_model():',
          '    """The model with the weights NetCanvas exported beside this file."""',
          '    model = compile_model(build_model())',
          '    model.load_weights(WEIGHTS)',
          '    return model',
          '',
          '',
        ]
      : []),
    'if __name__ == "__main__":',
    `    model = ${options.weightsFile ? 'load_model()' : 'compile_model(build_model())'}`,
    '    model.summary()',
    `    # model.fit(x, y, batch_size=${training.batchSize}, epochs=${training.epochs}, validation_split=${training.validationSplit})`,
    '',
  ].join('\n');
}
