import { type BackendChoice, type BackendName, type BackendProbe, initBackend, measureBackends, type Tf } from '@/engine/backends';
import type { FromWorker } from './protocol';

/**
 * The backend a browser run trains on. Several candidates are measured on the model's own training
 * step, each measurement announced as it begins and ends so the page can show progress; a single
 * candidate (chosen by the user, or remembered as the fastest for this model) is used at once.
 */
export async function chooseBackend(
  tf: Tf,
  candidates: readonly BackendName[],
  probe: BackendProbe,
  post: (message: FromWorker) => void,
): Promise<BackendChoice> {
  if (candidates.length === 1) return { backend: await initBackend(tf, candidates), figures: [] };
  return measureBackends(tf, candidates, probe, {
    minMs: 400,
    maxMs: 2500,
    onProgress: ({ backend, index, count, figures }) =>
      post({ type: 'probe', backend, index, count, ...(figures ? { samplesPerSecond: figures.samplesPerSecond } : {}) }),
  });
}
