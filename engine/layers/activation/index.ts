import { elu } from './elu';
import { leakyRelu } from './leaky-relu';
import { prelu } from './prelu';
import { relu } from './relu';
import { softmax } from './softmax';
import { thresholdedRelu } from './thresholded-relu';

export const activationLayers = { relu, leakyRelu, prelu, elu, thresholdedRelu, softmax };
