import { cropping2d } from './cropping2d';
import { upSampling2d } from './up-sampling2d';
import { zeroPadding2d } from './zero-padding2d';

export const reshapingLayers = { zeroPadding2d, cropping2d, upSampling2d };
