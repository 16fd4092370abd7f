import { defineMetric } from './spec';

/** How far off a prediction is, on average, in the target's own unit. */
export const mae = defineMetric({
  id: 'mae',
  label: 'mean absolute error (how far off a prediction is, on average)',
  builtin: 'mae',
  keras: 'mae',
});

/** The mean of the squared differences. */
export const mse = defineMetric({
  id: 'mse',
  label: 'mean squared error',
  builtin: 'mse',
  keras: 'mse',
});
