import { conv1d } from './conv1d';
import { conv2d } from './conv2d';
import { conv2dTranspose } from './conv2d-transpose';
import { conv3d } from './conv3d';
import { conv3dTranspose } from './conv3d-transpose';
import { depthwiseConv2d } from './depthwise-conv2d';
import { separableConv2d } from './separable-conv2d';

export const convolutionLayers = { conv1d, conv2d, conv3d, conv2dTranspose, conv3dTranspose, depthwiseConv2d, separableConv2d };
