import type * as tfjs from '@tensorflow/tfjs';
import type { z } from 'zod';
import type { LayerIssue } from '../diagnostics';
import type { Shape } from '../shape';
import type { WeightLayouts } from './weight-layout';

/** The TF.js namespace, passed in by whoever builds layers, so that specs never load TF.js themselves. */
export type Tf = typeof tfjs;
export type TfLayer = tfjs.layers.Layer;

export const LAYER_CATEGORIES = [
  'input',
  'core',
  'convolution',
  'pooling',
  'reshaping',
  'normalization',
  'regularization',
  'recurrent',
  'wrapper',
  'merge',
  'activation',
  'preprocessing',
  'placeholder',
] as const;
export type LayerCategory = (typeof LAYER_CATEGORIES)[number];

/** How many tensors a layer takes and of what rank (rank counts the batch dimension). */
export interface InputContract {
  min: number;
  /** `Infinity` for layers that take any number, such as Concatenate. */
  max: number;
  minRank?: number;
  maxRank?: number;
  /**
   * Ranks of particular ports, where they differ from the first's: a recurrent layer's initial
   * states (ports 1 and up) are `(batch, units)` while its sequence is `(batch, steps, features)`.
   */
  portRanks?: Record<number, { minRank: number; maxRank: number }>;
}

export interface ParamCount {
  trainable: number;
  nonTrainable: number;
}

/** What the builder needs besides the parameters. */
export interface BuildContext {
  /** The unique TF.js layer name; it keys the weights, so it must stay stable between compiles. */
  name: string;
  trainable: boolean;
}

/** A Keras / TF.js serialized layer config (snake_case keys, as in model.json). */
export type KerasConfig = Record<string, unknown>;

export interface KerasMapping<P> {
  /** `class_name` in Keras and TF.js model files. */
  className: string;
  /**
   * Params → Keras config, for generated Python and for exports. Without it, every param is written
   * under its snake_case name with the standard value conversions (see `keras/config.ts`).
   */
  toConfig?(params: P): KerasConfig;
  /**
   * Keras config → raw params (validated afterwards by the params schema). Without it, every param is
   * read from its snake_case key with the standard conversions; keys the spec does not know are ignored.
   */
  fromConfig?(config: KerasConfig): Record<string, unknown>;
}

/**
 * Everything NetCanvas knows about one layer type, as data: the palette, inspector, analysis, compiler,
 * importer and code generators all read it from here. One spec per file under `engine/layers/<category>/`.
 */
export interface LayerSpec<P = Record<string, unknown>> {
  /** Stable lowercase id stored in graph documents, e.g. `conv2d`. Never change it. */
  type: string;
  label: string;
  category: LayerCategory;
  /** One paragraph for the palette and help: what the layer does and when to use it. */
  doc: string;
  /** Parameters with defaults, ranges and `.describe()` help text for every field. */
  params: z.ZodType<P, Record<string, unknown>>;
  inputs: InputContract;
  /** Number of output tensors (most layers: 1). */
  outputCount?(params: P): number;
  /**
   * Output shapes for the given input shapes (batch first, `null` = unknown), or the problem that
   * stops the layer from accepting them. Must agree with TF.js's `computeOutputShape`.
   */
  outputShape(inputs: Shape[], params: P): Shape[] | LayerIssue;
  /**
   * A problem TF.js's shape rules do not show but running the layer would: TF.js 4.22 builds some
   * layers whose kernels then fail (or cannot train). `error` stops the graph from compiling,
   * `warning` is shown beside it. Called after `outputShape` accepted the inputs.
   */
  caveat?(inputs: Shape[], params: P): (LayerIssue & { severity: 'error' | 'warning' }) | null;
  /** Weights created for these inputs; only called after `outputShape` accepted them. Must agree with `countParams()`. */
  countParams(inputs: Shape[], params: P): ParamCount;
  /** Floating-point operations per sample (a multiply-add counts 2). Defaults to one per output element. */
  flops?(inputs: Shape[], outputs: Shape[], params: P): number;
  build(tf: Tf, params: P, context: BuildContext): TfLayer;
  keras: KerasMapping<P>;
  /** How this layer's weights are laid out in file formats that differ from TF.js (Keras HDF5, ONNX); none when they do not. */
  weightLayouts?: WeightLayouts<P>;
  /** A few words for the node face, e.g. `32 · 3×3 · relu`. */
  summary?(params: P): string;
}

/** Any registered spec, with its params type erased. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds specs of every params type.
export type AnyLayerSpec = LayerSpec<any>;

/** Declares a layer spec, inferring the params type from its zod schema. */
export function defineLayer<S extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>(
  spec: LayerSpec<z.output<S>> & { params: S },
): LayerSpec<z.output<S>> & { params: S } {
  return spec;
}

export const NO_PARAMS: ParamCount = Object.freeze({ trainable: 0, nonTrainable: 0 });
