import { dense } from './dense';

export const coreLayers = { dense };
