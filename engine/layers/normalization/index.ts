export const normalizationLayers = {};
