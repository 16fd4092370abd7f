import type { GraphDoc } from '../engine/graph/schema';
import { GraphBuilder } from '../engine/templates/builder';

/**
 * A large, realistic graph for analysis benchmarks: residual conv stages with pooling, a dense head,
 * branches joined by Add and Concatenate. `layers` is the number of nodes, approximately.
 */
export function largeGraph(layers: number): GraphDoc {
  const g = new GraphBuilder();
  let x = g.add('input', { shape: [64, 64, 3] });
  x = g.add('conv2d', { filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' }, [x]);
  let count = 2;
  let filters = 16;
  while (count < layers - 6) {
    const a = g.add('conv2d', { filters, kernelSize: 3, padding: 'same' }, [x]);
    const b = g.add('batchNormalization', {}, [a]);
    const c = g.add('relu', {}, [b]);
    const d = g.add('conv2d', { filters, kernelSize: 3, padding: 'same' }, [c]);
    const side = g.add('conv2d', { filters, kernelSize: 1, padding: 'same' }, [x]);
    const sum = g.add('add', {}, [d, side]);
    const joined = g.add('concatenate', {}, [sum, c]);
    x = g.add('conv2d', { filters, kernelSize: 1, activation: 'relu' }, [joined]);
    count += 8;
    if (count % 96 < 8 && filters < 256) {
      x = g.add('maxPooling2d', { poolSize: 2, padding: 'same' }, [x]);
      filters *= 2;
      count++;
    }
  }
  x = g.add('globalAveragePooling2d', {}, [x]);
  x = g.add('dense', { units: 64, activation: 'relu' }, [x]);
  g.add('dense', { units: 10, activation: 'softmax' }, [x]);
  return g.build(`${layers}-layer benchmark graph`);
}

/** The same three models as graphs, for training throughput: an MLP, a small CNN and an LSTM. */
export function benchModels(): Record<'mlp' | 'cnn' | 'lstm', GraphDoc> {
  const mlp = new GraphBuilder();
  mlp.chain(mlp.add('input', { shape: [64] }), [
    ['dense', { units: 256, activation: 'relu' }],
    ['dense', { units: 256, activation: 'relu' }],
    ['dense', { units: 10, activation: 'softmax' }],
  ]);
  const cnn = new GraphBuilder();
  cnn.chain(cnn.add('input', { shape: [28, 28, 1] }), [
    ['conv2d', { filters: 16, kernelSize: 3, activation: 'relu' }],
    ['maxPooling2d', { poolSize: 2 }],
    ['conv2d', { filters: 32, kernelSize: 3, activation: 'relu' }],
    ['maxPooling2d', { poolSize: 2 }],
    ['flatten', {}],
    ['dense', { units: 10, activation: 'softmax' }],
  ]);
  const lstm = new GraphBuilder();
  lstm.chain(lstm.add('input', { shape: [20, 16] }), [
    ['lstm', { units: 32 }],
    ['dense', { units: 10, activation: 'softmax' }],
  ]);
  return { mlp: mlp.build('MLP'), cnn: cnn.build('CNN'), lstm: lstm.build('LSTM') };
}
