export const regularizationLayers = {};
