export const activationLayers = {};
