import type { GraphDoc } from '../graph/schema';
import { autoencoder } from './autoencoder';
import { cnn1dSignals } from './cnn1d-signals';
import { conv1dText } from './conv1d-text';
import { lenet5 } from './lenet5';
import { lstmText } from './lstm-text';
import { mlpClassifier } from './mlp-classifier';
import { residualNet } from './residual-net';
import { smallDetector } from './small-detector';
import { smallUnet } from './small-unet';
import { vggSmall } from './vgg-small';

/** A starting point: a valid network with a line on when to use it. */
export interface Template {
  name: string;
  title: string;
  /** When to use it, in one line. */
  description: string;
  /** The kind of data it expects, to match it with datasets. */
  data: 'tabular' | 'image' | 'sequence' | 'text';
  build(): GraphDoc;
}

export const TEMPLATES: readonly Template[] = [
  mlpClassifier,
  lenet5,
  vggSmall,
  residualNet,
  smallUnet,
  smallDetector,
  lstmText,
  conv1dText,
  cnn1dSignals,
  autoencoder,
];
export const TEMPLATE_NAMES = TEMPLATES.map((t) => t.name);

/** A fresh copy of the named template's graph, or `undefined` for an unknown name. */
export function templateGraph(name: string): GraphDoc | undefined {
  return TEMPLATES.find((t) => t.name === name)?.build();
}
