import { z } from 'zod';
import { dataFormat } from '../common';
import { defineLayer } from '../spec';
import { poolArgs, poolFields } from './pool-params';
import { poolingRules } from './pool-shape';

export const averagePooling3d = defineLayer({
  type: 'averagePooling3d',
  label: 'AveragePooling3D',
  category: 'pooling',
  doc: 'Shrinks a volume (a scan, or a video as frames × height × width) by averaging each small 3-D window, channel by channel. The 3-D counterpart of AveragePooling2D, for smooth downsampling between Conv3D blocks.',
  params: z.object({ ...poolFields(3), dataFormat: dataFormat() }).strict(),
  ...poolingRules(3, 'AveragePooling3D'),
  build: (tf, p, context) => tf.layers.averagePooling3d(poolArgs<[number, number, number]>(p, context)),
  keras: { className: 'AveragePooling3D' },
});
