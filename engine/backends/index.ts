export type { Tf } from './kernels/composed-kernel';
export {
  BACKEND_NAMES,
  type BackendChoice,
  type BackendFigures,
  type BackendName,
  type BackendProbe,
  DEFAULT_BACKEND_ORDER,
  initBackend,
  type MeasureOptions,
  type MeasureProgress,
  measureBackends,
  type ProbeSession,
} from './select-backend';
export { type ConvProbeSize, convTrainProbe } from './train-probe';
export { registerWasmGradientKernels, type WasmGradientOptions } from './wasm-gradients';
