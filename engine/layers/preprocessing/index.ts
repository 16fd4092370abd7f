export const preprocessingLayers = {};
