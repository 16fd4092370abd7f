import { activationLayers } from './activation';
import { convolutionLayers } from './convolution';
import { coreLayers } from './core';
import { inputLayers } from './input';
import { mergeLayers } from './merge';
import { normalizationLayers } from './normalization';
import { placeholderLayers } from './placeholder';
import { poolingLayers } from './pooling';
import { preprocessingLayers } from './preprocessing';
import { recurrentLayers } from './recurrent';
import { regularizationLayers } from './regularization';
import { reshapingLayers } from './reshaping';
import type { AnyLayerSpec, LayerCategory } from './spec';
import { wrapperLayers } from './wrapper';

/**
 * Every layer type NetCanvas can build, keyed by its stable id. Adding a layer means one spec file,
 * one line in its category's index.ts and rows in the parity table (tests/engine/layers/cases).
 */
export const LAYERS = {
  ...inputLayers,
  ...coreLayers,
  ...convolutionLayers,
  ...poolingLayers,
  ...reshapingLayers,
  ...normalizationLayers,
  ...regularizationLayers,
  ...recurrentLayers,
  ...wrapperLayers,
  ...mergeLayers,
  ...activationLayers,
  ...preprocessingLayers,
  ...placeholderLayers,
} satisfies Record<string, AnyLayerSpec>;

export type LayerType = keyof typeof LAYERS;

const byType: ReadonlyMap<string, AnyLayerSpec> = new Map(Object.entries(LAYERS));
const byKerasClass: ReadonlyMap<string, AnyLayerSpec> = new Map(
  Object.values(LAYERS as Record<string, AnyLayerSpec>).map((spec) => [spec.keras.className, spec]),
);

/** The spec for a layer type id, or `undefined` for ids this build does not know. */
export function layerSpec(type: string): AnyLayerSpec | undefined {
  return byType.get(type);
}

/** The spec whose Keras / TF.js `class_name` this is, if any. */
export function layerSpecForKerasClass(className: string): AnyLayerSpec | undefined {
  return byKerasClass.get(className);
}

/** All specs of one palette category, in registry order. */
export function layersInCategory(category: LayerCategory): AnyLayerSpec[] {
  return [...byType.values()].filter((spec) => spec.category === category);
}

export function allLayerSpecs(): AnyLayerSpec[] {
  return [...byType.values()];
}
