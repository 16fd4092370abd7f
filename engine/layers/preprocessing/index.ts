import { categoryEncoding } from './category-encoding';
import { centerCrop } from './center-crop';
import { randomWidth } from './random-width';
import { rescaling } from './rescaling';
import { resizing } from './resizing';

export const preprocessingLayers = { rescaling, centerCrop, resizing, categoryEncoding, randomWidth };
