import { GraphBuilder } from './builder';
import type { Template } from './index';

/**
 * A single-stage, anchor-free detector in the manner of centre-point detectors: a small backbone
 * brings the picture down to a quarter of its size (a strided convolution, a pool), two further
 * stages see more of it and are brought back up and joined, and a 1×1 convolution predicts, per cell, a score per class for an
 * object's centre and the box's offset and size (`engine/tasks/detection-grid.ts`).
 */
export const smallDetector: Template = {
  name: 'detector-small',
  title: 'Small object detector',
  description:
    'Finds objects and draws a box around each (detection): a grid of centre scores per class, with the box size read at each peak. For shapes, animals, signs.',
  data: 'image',
  build() {
    const g = new GraphBuilder();
    const input = g.add('input', { shape: [32, 32, 1] });
    const conv = (from: string, filters: number) =>
      g.add('conv2d', { filters, kernelSize: 3, padding: 'same', activation: 'relu' }, [from]);
    const pool = (from: string) => g.add('maxPooling2d', { poolSize: 2 }, [from]);
    // A strided first convolution and a pool reach the grid's quarter size cheaply: most of the work is there.
    const half = g.add('conv2d', { filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }, [input]);
    const quarter = conv(conv(pool(half), 32), 48);
    const eighth = conv(pool(quarter), 64);
    const sixteenth = conv(pool(eighth), 64);
    const joined = g.add('concatenate', {}, [
      quarter,
      g.add('upSampling2d', { size: 2 }, [eighth]),
      g.add('upSampling2d', { size: 4 }, [sixteenth]),
    ]);
    const head = g.add('conv2d', { filters: 64, kernelSize: 1, activation: 'relu' }, [joined]);
    g.add('conv2d', { filters: 7, kernelSize: 1, activation: 'sigmoid' }, [head]);
    return g.build('Small object detector', {
      loss: 'centroidFocal',
      metrics: ['centreRecall'],
      epochs: 20,
      batchSize: 16,
      learningRate: 0.002,
    });
  },
};
