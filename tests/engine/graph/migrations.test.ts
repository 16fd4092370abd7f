import { describe, expect, it } from 'vitest';
import { GRAPH_MIGRATIONS, type GraphMigration, type MigrationResult, migrateGraph } from '../../../engine/graph/migrations';
import { migrationDiagnostic, parseGraph } from '../../../engine/graph/parse';
import { GRAPH_FORMAT, GRAPH_VERSION } from '../../../engine/graph/schema';

/**
 * A made-up history of three versions, to prove the harness: v1 kept layers under `layers` and
 * wrote edges as `from`/`to`; v2 renamed `layers` to `nodes`; v3 renamed the edge ends.
 */
const STEPS: GraphMigration[] = [
  {
    name: 'v2-edge-ends',
    from: 2,
    migrate: (doc) => ({
      ...doc,
      edges: (doc.edges as { id: string; from: string; to: string }[]).map(({ id, from, to }) => ({ id, source: from, target: to })),
    }),
  },
  {
    name: 'v1-layers-to-nodes',
    from: 1,
    migrate: ({ layers, ...rest }) => ({ ...rest, nodes: layers }),
  },
];

const v1 = () => ({
  format: GRAPH_FORMAT,
  version: 1,
  layers: [{ id: 'a', type: 'input', params: {}, position: { x: 0, y: 0 } }],
  edges: [{ id: 'e', from: 'a', to: 'b' }],
});

function failure(result: MigrationResult): Extract<MigrationResult, { ok: false }> {
  if (result.ok) throw new Error('expected the migration to fail');
  return result;
}

describe('migrateGraph (synthetic migration list)', () => {
  it('runs every step from the document version to the target, in version order, naming each', () => {
    const result = migrateGraph(v1(), 3, STEPS);
    expect(result).toEqual({
      ok: true,
      applied: ['v1-layers-to-nodes', 'v2-edge-ends'],
      doc: {
        format: GRAPH_FORMAT,
        version: 3,
        nodes: [{ id: 'a', type: 'input', params: {}, position: { x: 0, y: 0 } }],
        edges: [{ id: 'e', source: 'a', target: 'b' }],
      },
    });
  });

  it('starts from the version the document has', () => {
    const v2 = { ...v1(), version: 2, nodes: [], layers: undefined };
    const result = migrateGraph(v2, 3, STEPS);
    expect(result.ok && result.applied).toEqual(['v2-edge-ends']);
    expect(result.ok && result.doc.version).toBe(3);
  });

  it('applies nothing to a document of the target version', () => {
    const doc = { ...v1(), version: 3 };
    expect(migrateGraph(doc, 3, STEPS)).toEqual({ ok: true, doc, applied: [] });
  });

  it('sets the version itself, whatever a step returns', () => {
    const steps: GraphMigration[] = [{ name: 'v1-forgets-version', from: 1, migrate: () => ({ format: GRAPH_FORMAT, version: 99 }) }];
    const result = migrateGraph(v1(), 2, steps);
    expect(result.ok && result.doc.version).toBe(2);
  });

  it('never modifies the document it is given, even when a step mutates its argument', () => {
    const doc = v1();
    const before = structuredClone(doc);
    const steps: GraphMigration[] = [
      {
        name: 'v1-mutates',
        from: 1,
        migrate: (d) => {
          (d.layers as unknown[]).length = 0;
          d.extra = true;
          return d;
        },
      },
    ];
    expect(migrateGraph(doc, 2, steps).ok).toBe(true);
    expect(doc).toEqual(before);
  });

  it('refuses a document newer than the target: too_new', () => {
    const result = failure(migrateGraph({ ...v1(), version: 4 }, 3, STEPS));
    expect(result.reason).toBe('too_new');
    expect(result.message).toMatch(/version 4/);
  });

  it('refuses when a step is missing, naming the version it cannot leave: no_path', () => {
    const result = failure(
      migrateGraph(
        v1(),
        3,
        STEPS.filter((s) => s.from !== 2),
      ),
    );
    expect(result.reason).toBe('no_path');
    expect(result.message).toMatch(/from version 2/);
  });

  it.each([
    ['missing', undefined],
    ['zero', 0],
    ['negative', -1],
    ['fractional', 1.5],
    ['text', '1'],
    ['NaN', Number.NaN],
  ])('refuses a %s version: no_path', (_, version) => {
    expect(failure(migrateGraph({ ...v1(), version }, 3, STEPS)).reason).toBe('no_path');
  });

  it('catches a step that throws and names it: step_failed', () => {
    const steps: GraphMigration[] = [
      STEPS[1] as GraphMigration,
      {
        name: 'v2-explodes',
        from: 2,
        migrate: () => {
          throw new Error('boom');
        },
      },
    ];
    const result = failure(migrateGraph(v1(), 3, steps));
    expect(result.reason).toBe('step_failed');
    expect(result.message).toContain('v2-explodes');
    expect(result.message).toContain('boom');
  });

  it('turns every failure into a diagnostic on the version field, with a hint', () => {
    const failures = [
      failure(migrateGraph({ ...v1(), version: 4 }, 3, STEPS)),
      failure(migrateGraph(v1(), 3, [])),
      failure(
        migrateGraph(v1(), 2, [
          {
            name: 'v1-throws',
            from: 1,
            migrate: () => {
              throw new TypeError('no layers');
            },
          },
        ]),
      ),
    ];
    const diagnostics = failures.map(migrationDiagnostic);
    expect(diagnostics.map((d) => d.code)).toEqual(['unsupported_version', 'malformed_document', 'malformed_document']);
    for (const [i, d] of diagnostics.entries()) {
      expect(d.severity).toBe('error');
      expect(d.field).toBe('version');
      expect(d.message).toBe(failures[i]?.message);
      expect(d.hint?.length).toBeGreaterThan(10);
    }
    expect(diagnostics[2]?.message).toContain('v1-throws');
  });
});

describe('GRAPH_MIGRATIONS', () => {
  it('forms one chain of uniquely named steps from version 1 to GRAPH_VERSION', () => {
    const froms = GRAPH_MIGRATIONS.map((s) => s.from);
    expect([...froms].sort((a, b) => a - b)).toEqual(Array.from({ length: GRAPH_VERSION - 1 }, (_, i) => i + 1));
    expect(froms).toEqual([...froms].sort((a, b) => a - b));
    const names = GRAPH_MIGRATIONS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const step of GRAPH_MIGRATIONS) expect(step.name).toMatch(/^v\d+-[a-z0-9-]+$/);
  });

  it('brings a document of every earlier version to the current one (through parseGraph too)', () => {
    for (let version = 1; version <= GRAPH_VERSION; version++) {
      const raw = { format: GRAPH_FORMAT, version, nodes: [], edges: [] };
      const result = migrateGraph(raw, GRAPH_VERSION);
      expect(result.ok, `from version ${version}`).toBe(true);
      if (!result.ok) continue;
      expect(result.applied).toEqual(GRAPH_MIGRATIONS.filter((s) => s.from >= version).map((s) => s.name));
      const parsed = parseGraph(raw);
      expect(parsed.ok && parsed.migrated).toEqual(result.applied);
    }
  });

  it('makes parseGraph refuse the next version as unsupported', () => {
    const parsed = parseGraph({ format: GRAPH_FORMAT, version: GRAPH_VERSION + 1, nodes: [], edges: [] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.diagnostics.map((d) => d.code)).toEqual(['unsupported_version']);
  });
});
