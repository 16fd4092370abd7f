export const reshapingLayers = {};
