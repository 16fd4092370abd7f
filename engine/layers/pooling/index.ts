import { averagePooling1d } from './average-pooling1d';
import { averagePooling2d } from './average-pooling2d';
import { averagePooling3d } from './average-pooling3d';
import { globalAveragePooling1d } from './global-average-pooling1d';
import { globalAveragePooling2d } from './global-average-pooling2d';
import { globalMaxPooling1d } from './global-max-pooling1d';
import { globalMaxPooling2d } from './global-max-pooling2d';
import { maxPooling1d } from './max-pooling1d';
import { maxPooling2d } from './max-pooling2d';
import { maxPooling3d } from './max-pooling3d';

export const poolingLayers = {
  maxPooling1d,
  maxPooling2d,
  maxPooling3d,
  averagePooling1d,
  averagePooling2d,
  averagePooling3d,
  globalMaxPooling1d,
  globalMaxPooling2d,
  globalAveragePooling1d,
  globalAveragePooling2d,
};
