import type { AnyLayerSpec, KerasConfig } from '../layers/spec';
import {
  activationFromKeras,
  activationToKeras,
  camelToSnake,
  initializerFromKeras,
  initializerToKeras,
  regularizerFromKeras,
  regularizerToKeras,
  snakeToCamel,
} from './names';

/** Config keys every Keras layer has that are not layer parameters. */
const STRUCTURAL_KEYS = new Set([
  'name',
  'trainable',
  'dtype',
  'batch_input_shape',
  'batch_shape',
  'input_shape',
  'input_dim',
  'batch_size',
]);

/** The param names of a spec (its zod object's keys). */
export function paramNames(spec: AnyLayerSpec): string[] {
  const shape = (spec.params as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function convertIn(key: string, value: unknown): unknown {
  if (key === 'activation' || key === 'recurrentActivation') return activationFromKeras(value) ?? value;
  if (key.endsWith('Initializer')) return initializerFromKeras(value) ?? value;
  if (key.endsWith('Regularizer')) return regularizerFromKeras(value);
  if (key === 'dataFormat' && typeof value === 'string') return snakeToCamel(value);
  // tf.keras 2.1+ writes a normalisation axis as a list (`"axis": [3]`); one entry is that axis.
  if (key === 'axis' && Array.isArray(value) && value.length === 1) return value[0];
  return value;
}

function convertOut(key: string, value: unknown): unknown {
  if ((key === 'activation' || key === 'recurrentActivation') && typeof value === 'string') return activationToKeras(value);
  if (key.endsWith('Initializer') && typeof value === 'string') return initializerToKeras(value);
  if (key.endsWith('Regularizer')) return regularizerToKeras(value as { l1: number; l2: number } | null);
  if (key === 'dataFormat' && typeof value === 'string') return camelToSnake(value);
  return value;
}

/**
 * Reads a layer's raw params from its Keras config: each param from its snake_case key, with the
 * standard conversions (activations, initializers, regularizers, data formats). Returns the keys of
 * the config the spec has no param for, so importers can say what was dropped.
 */
export function paramsFromKerasConfig(spec: AnyLayerSpec, config: KerasConfig): { params: Record<string, unknown>; ignored: string[] } {
  if (spec.keras.fromConfig) return { params: spec.keras.fromConfig(config), ignored: [] };
  const params: Record<string, unknown> = {};
  const known = new Set<string>();
  for (const key of paramNames(spec)) {
    const snake = camelToSnake(key);
    known.add(snake);
    const value = config[snake] ?? config[key];
    if (value !== undefined) params[key] = convertIn(key, value);
  }
  const ignored = Object.keys(config).filter(
    (k) => !known.has(k) && !STRUCTURAL_KEYS.has(k) && !k.endsWith('_constraint') && config[k] !== null,
  );
  return { params, ignored };
}

/** Writes resolved params as a Keras config (snake_case keys, Keras value forms). */
export function paramsToKerasConfig(spec: AnyLayerSpec, params: Record<string, unknown>): KerasConfig {
  if (spec.keras.toConfig) return spec.keras.toConfig(params);
  const config: KerasConfig = {};
  for (const key of paramNames(spec)) {
    if (params[key] !== undefined) config[camelToSnake(key)] = convertOut(key, params[key]);
  }
  return config;
}
