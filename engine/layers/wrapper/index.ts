export const wrapperLayers = {};
