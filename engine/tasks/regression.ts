import { z } from 'zod';
import { binaryCrossentropy, categoricalCrossentropy, sparseCategoricalCrossentropy } from './losses/cross-entropy';
import { huberLoss, meanAbsoluteError, meanSquaredError } from './losses/distance';
import { mae, mse } from './metrics/errors';
import { regressionEvaluator } from './residuals';
import { defineTask } from './spec';

/** Losses that compare class scores: they cannot judge a predicted number. */
const CLASS_LOSSES: readonly string[] = [categoricalCrossentropy.id, sparseCategoricalCrossentropy.id, binaryCrossentropy.id];

/** Predicting numbers: a price, a dose response, a measurement. */
export const regression = defineTask({
  id: 'regression',
  label: 'regression',
  doc: 'Each sample has one or more numbers to predict; the model outputs them directly (no activation) and is judged by how far off it is: mean absolute and root-mean-square error, and a plot of predicted against true values.',
  labelSchema: ({ labelSize }) =>
    labelSize === 1
      ? z.number({ error: 'A target must be a number.' }).finite()
      : z
          .array(z.number().finite(), { error: `A label must be ${labelSize} numbers.` })
          .length(labelSize, `A label must be ${labelSize} numbers.`),
  labelShape: (context) => [context.labelSize],
  encodeLabels: (tf, batch, context) => tf.tensor2d(batch.labels, [batch.size, context.labelSize]),
  losses: [meanSquaredError, meanAbsoluteError, huberLoss],
  chooseLoss: (chosen) => (chosen && !CLASS_LOSSES.includes(chosen) ? null : { loss: meanSquaredError.id, metrics: [mae.id] }),
  labelWords: ({ labelSize }) => `${labelSize} number${labelSize === 1 ? '' : 's'} to predict`,
  lossReason: () => 'because the labels are numbers (regression)',
  metrics: [mae, mse],
  fitOutput: (output, facts) => {
    if (output.type !== 'dense') return null;
    const targets = facts.labelSize;
    const units = Number(output.params.units ?? 0);
    const activation = String(output.params.activation ?? 'linear');
    if (units === targets && activation !== 'softmax' && activation !== 'sigmoid') return null;
    return {
      params: { units: targets, activation: 'linear' },
      note: `Output layer "${output.name}" set to ${targets} unit${targets === 1 ? '' : 's'} with no activation: it predicts ${targets === 1 ? 'a number' : 'numbers'}.`,
    };
  },
  evaluate: regressionEvaluator,
  moveLabels: null,
  stratify: false,
  tableLabel: 'numeric',
});
