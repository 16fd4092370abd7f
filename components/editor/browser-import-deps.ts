import { workerElk } from './elk-layout';
import type { ImportDeps } from './import-model-files';

/**
 * What an import in the page loads lazily: TF.js (ready before it is handed over) and the layout
 * worker, when it starts (without it the import lays the design out itself).
 */
export async function browserImportDeps(emit?: ImportDeps['emit']): Promise<ImportDeps> {
  return {
    loadTf: async () => {
      const tf = await import('@tensorflow/tfjs');
      await tf.ready();
      return tf;
    },
    elk: await workerElk().catch(() => undefined),
    ...(emit ? { emit } : {}),
  };
}
