import { GraphBuilder } from './builder';
import type { Template } from './index';

export const smallUnet: Template = {
  name: 'unet-small',
  title: 'Small U-Net',
  description:
    'Labels every pixel (segmentation): an encoder that shrinks the image and a decoder that grows it back, joined by skip connections. For masks of organs, cracks or cells.',
  data: 'image',
  build() {
    const g = new GraphBuilder();
    const input = g.add('input', { shape: [64, 64, 1] });
    const conv = (from: string, filters: number) =>
      g.chain(from, [
        ['conv2d', { filters, kernelSize: 3, padding: 'same', activation: 'relu' }],
        ['conv2d', { filters, kernelSize: 3, padding: 'same', activation: 'relu' }],
      ]);
    const e1 = conv(input, 16);
    const e2 = conv(g.add('maxPooling2d', { poolSize: 2 }, [e1]), 32);
    const bottom = conv(g.add('maxPooling2d', { poolSize: 2 }, [e2]), 64);
    const u2 = g.add('upSampling2d', { size: 2 }, [bottom]);
    const d2 = conv(g.add('concatenate', {}, [u2, e2]), 32);
    const u1 = g.add('upSampling2d', { size: 2 }, [d2]);
    const d1 = conv(g.add('concatenate', {}, [u1, e1]), 16);
    g.add('conv2d', { filters: 1, kernelSize: 1, activation: 'sigmoid' }, [d1]);
    return g.build('Small U-Net', { loss: 'binaryCrossentropy', epochs: 10, batchSize: 16 });
  },
};
