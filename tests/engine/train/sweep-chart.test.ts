import { describe, expect, it } from 'vitest';
import { settingWords, sweepChart } from '@/components/training/sweep-chart';

const run = (values: Record<string, string>, testAccuracy: number) => ({ values, figures: { testAccuracy } });

describe('the sweep chart', () => {
  it('puts the swept value on the x-axis, sorted, on a log scale for learning rates', () => {
    const chart = sweepChart(
      {
        axes: [{ setting: 'learningRate', values: [0.1, 0.001, 0.01] }],
        runs: [run({ learningRate: '0.1' }, 0.5), run({ learningRate: '0.001' }, 0.7), run({ learningRate: '0.01' }, 0.9)],
      },
      'testAccuracy',
    );
    expect(chart).toMatchObject({ x: [0.001, 0.01, 0.1], xLabel: 'Learning rate', xLog: true });
    expect(chart.series).toEqual([{ label: 'Test accuracy', values: [0.7, 0.9, 0.5] }]);
  });

  it('draws one line per value of the other axes, and names word values on the ticks', () => {
    const chart = sweepChart(
      {
        axes: [
          { setting: 'optimizer', values: ['adam', 'sgd'] },
          { setting: 'batchSize', values: [16, 64] },
        ],
        runs: [
          run({ optimizer: 'adam', batchSize: '16' }, 0.8),
          run({ optimizer: 'adam', batchSize: '64' }, 0.7),
          run({ optimizer: 'sgd', batchSize: '16' }, 0.6),
          run({ optimizer: 'sgd', batchSize: '64' }, 0.5),
        ],
      },
      'testAccuracy',
    );
    expect(chart).toMatchObject({ x: [0, 1], xTicks: ['adam', 'sgd'], xLabel: 'Optimizer', xLog: false });
    expect(chart.series).toEqual([
      { label: 'Batch size 16', values: [0.8, 0.6] },
      { label: 'Batch size 64', values: [0.7, 0.5] },
    ]);
    expect(settingWords('units:dense_1')).toBe('Units of dense_1');
  });
});
