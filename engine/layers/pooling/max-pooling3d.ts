import { z } from 'zod';
import { dataFormat } from '../common';
import { defineLayer } from '../spec';
import { poolArgs, poolFields } from './pool-params';
import { poolingRules } from './pool-shape';

export const maxPooling3d = defineLayer({
  type: 'maxPooling3d',
  label: 'MaxPooling3D',
  category: 'pooling',
  doc: 'Shrinks a volume (a scan, or a video as frames × height × width) by keeping only the largest value in each small 3-D window, channel by channel. The 3-D counterpart of MaxPooling2D, used between Conv3D blocks.',
  params: z.object({ ...poolFields(3), dataFormat: dataFormat() }).strict(),
  ...poolingRules(3, 'MaxPooling3D'),
  build: (tf, p, context) => tf.layers.maxPooling3d(poolArgs<[number, number, number]>(p, context)),
  keras: { className: 'MaxPooling3D' },
});
