import { conv2d } from './conv2d';

export const convolutionLayers = { conv2d };
