export const poolingLayers = {};
