import type { InMemoryDataset } from './dataset';

/**
 * A set of images as a reconstruction set: each sample's label is a clean copy of its own picture
 * (so augmentation's noise on the input leaves the target alone), classes dropped, split kept.
 */
export function asReconstruction(dataset: InMemoryDataset, name: string): InMemoryDataset {
  const { classes: _classes, ...rest } = dataset;
  return {
    ...rest,
    name,
    task: 'reconstruction',
    labels: new Float32Array(dataset.features),
    labelSize: dataset.featureShape.reduce((a, b) => a * b, 1),
  };
}
