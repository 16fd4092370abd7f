export const recurrentLayers = {};
