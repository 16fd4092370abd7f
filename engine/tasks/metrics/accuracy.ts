import { defineMetric } from './spec';

/**
 * The share of samples put in the right class. TF.js chooses binary, sparse or categorical accuracy
 * from the loss and the output's width, which is why this stays its built-in name.
 */
export const accuracy = defineMetric({
  id: 'accuracy',
  label: 'accuracy (the share of samples put in the right class)',
  builtin: 'accuracy',
  keras: 'accuracy',
});
