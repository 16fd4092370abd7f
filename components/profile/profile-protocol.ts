import type { BackendName } from '@/engine/backends';
import type { GraphDoc } from '@/engine/graph/schema';
import type { LayerProfile } from '@/engine/inspect/profile-layers';

/** Messages between the editor and its profiling worker (profile.worker.ts). */
export interface ProfileStart {
  type: 'start';
  doc: GraphDoc;
  /** The backends to try in order: the one remembered for the design, else the default. */
  backends: BackendName[];
  batchSize: number;
  batches: number;
  wasmPath: string;
}

export type FromProfileWorker =
  | { type: 'backend'; backend: BackendName }
  | { type: 'layer'; index: number; count: number; layer: string }
  | { type: 'done'; backend: BackendName; rows: LayerProfile[] }
  | { type: 'error'; message: string };
