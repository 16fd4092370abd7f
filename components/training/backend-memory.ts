import { z } from 'zod';
import { BACKEND_NAMES } from '@/engine/backends';

/** What this browser measured for a model: the fastest backend and each candidate's speed. */
export const RememberedBackendSchema = z.object({
  backend: z.enum(BACKEND_NAMES),
  figures: z.array(z.object({ backend: z.string(), samplesPerSecond: z.number(), error: z.string().optional() })),
  measuredAt: z.string(),
});
export type RememberedBackend = z.infer<typeof RememberedBackendSchema>;

/** The slice of the Web Storage API the memory uses (localStorage in the page). */
export type BackendStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'netcanvas.backend.';

/** The backend remembered for a model signature, or null (nothing stored, or an entry from another build that no longer parses). */
export function readRemembered(store: BackendStore, signature: string): RememberedBackend | null {
  const text = store.getItem(PREFIX + signature);
  if (!text) return null;
  try {
    const parsed = RememberedBackendSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Stores a measurement for a model signature; a full or blocked storage only means it is measured again next time. */
export function writeRemembered(store: BackendStore, signature: string, value: RememberedBackend): void {
  try {
    store.setItem(PREFIX + signature, JSON.stringify(RememberedBackendSchema.parse(value)));
  } catch {
    // Quota exceeded or storage disabled: nothing to keep.
  }
}

export function forgetRemembered(store: BackendStore, signature: string): void {
  store.removeItem(PREFIX + signature);
}
