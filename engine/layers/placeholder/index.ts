import { unsupported } from './unsupported';

export const placeholderLayers = { unsupported };
