import { batchNormalization } from './batch-normalization';
import { layerNormalization } from './layer-normalization';

export const normalizationLayers = { batchNormalization, layerNormalization };
