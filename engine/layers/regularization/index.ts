import { alphaDropout } from './alpha-dropout';
import { dropout } from './dropout';
import { gaussianDropout } from './gaussian-dropout';
import { gaussianNoise } from './gaussian-noise';
import { spatialDropout1d } from './spatial-dropout1d';

export const regularizationLayers = { dropout, spatialDropout1d, gaussianNoise, gaussianDropout, alphaDropout };
