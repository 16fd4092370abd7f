/**
 * Graph documents are migrated forward one named step at a time, so a document saved by any earlier
 * version still opens. A step takes the raw JSON object of version `from` and returns version `from + 1`;
 * it must not throw on documents its own version could have written.
 */
export interface GraphMigration {
  /** Stable name, shown in logs and tests, e.g. `v1-add-groups`. */
  name: string;
  from: number;
  migrate(doc: Record<string, unknown>): Record<string, unknown>;
}

/** Every migration, oldest first. Version 1 is the first released format, so nothing precedes it yet. */
export const GRAPH_MIGRATIONS: readonly GraphMigration[] = [];

export type MigrationResult =
  | { ok: true; doc: Record<string, unknown>; applied: string[] }
  | { ok: false; reason: 'too_new' | 'no_path' | 'step_failed'; message: string };

/**
 * Brings a raw document from its version up to `target` by running each step in order.
 *
 * @example
 * migrateGraph({ format: 'netcanvas.graph', version: 1, nodes: [], edges: [] }, 1) // → ok, applied []
 */
export function migrateGraph(
  raw: Record<string, unknown>,
  target: number,
  steps: readonly GraphMigration[] = GRAPH_MIGRATIONS,
): MigrationResult {
  const start = raw.version;
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 1) {
    return { ok: false, reason: 'no_path', message: `version must be a positive integer, got ${JSON.stringify(start)}` };
  }
  if (start > target) {
    return { ok: false, reason: 'too_new', message: `version ${start} is newer than this build understands (${target})` };
  }
  let doc = raw;
  const applied: string[] = [];
  for (let v = start; v < target; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step) return { ok: false, reason: 'no_path', message: `no migration from version ${v}` };
    try {
      doc = { ...step.migrate(structuredClone(doc)), version: v + 1 };
    } catch (error) {
      return { ok: false, reason: 'step_failed', message: `migration ${step.name} failed: ${String(error)}` };
    }
    applied.push(step.name);
  }
  return { ok: true, doc, applied };
}
