import { describe, expect, it } from 'vitest';
import {
  IMPORT_IDLE,
  type ImportEvent,
  type ImportState,
  importProgress,
  importReducer,
} from '../../../components/editor/import-lifecycle';

const run = (events: ImportEvent[], from: ImportState = IMPORT_IDLE) => events.reduce(importReducer, from);
const outcome = { fileName: 'model.json', kind: 'tfjs-layers' as const, layers: 3, placeholders: 0, weights: 10 };

describe('import lifecycle', () => {
  it('reads with byte progress, builds, then finishes', () => {
    const reading = run([
      {
        type: 'start',
        files: [
          { name: 'model.json', size: 100 },
          { name: 'shard', size: 300 },
        ],
      },
      { type: 'progress', fileName: 'model.json', bytes: 100 },
      { type: 'fileRead', fileName: 'model.json' },
      { type: 'progress', fileName: 'shard', bytes: 100 },
    ]);
    expect(reading).toMatchObject({ phase: 'reading', fileName: 'shard', filesDone: 1, filesTotal: 2, bytesDone: 200, bytesTotal: 400 });
    expect(importProgress(reading)).toBe(0.5);
    const built = run([{ type: 'build', fileName: 'model.json', step: 'weights' }], reading);
    expect(built).toEqual({ phase: 'building', fileName: 'model.json', step: 'weights' });
    expect(importProgress(built)).toBeNull();
    const done = run([{ type: 'finish', outcome, diagnostics: [] }], built);
    expect(done).toEqual({ phase: 'done', outcome, diagnostics: [] });
    expect(run([{ type: 'dismiss' }], done)).toBe(IMPORT_IDLE);
  });

  it('ignores events that make no sense in the current phase', () => {
    expect(run([{ type: 'progress', fileName: 'x', bytes: 5 }])).toBe(IMPORT_IDLE);
    expect(run([{ type: 'fail', message: 'late' }])).toBe(IMPORT_IDLE);
    const reading = run([{ type: 'start', files: [{ name: 'a.json', size: 10 }] }]);
    expect(run([{ type: 'start', files: [] }], reading)).toBe(reading);
    expect(run([{ type: 'dismiss' }], reading)).toBe(reading);
    expect(run([{ type: 'progress', fileName: 'a.json', bytes: 50 }], reading)).toMatchObject({ bytesDone: 10 });
  });

  it('fails with the message and diagnostics, and can be dismissed', () => {
    const failed = run([
      { type: 'start', files: [{ name: 'a.json', size: 1 }] },
      { type: 'fail', message: 'not a model', diagnostics: [{ code: 'import_failed', severity: 'error', message: 'not a model' }] },
    ]);
    expect(failed).toMatchObject({ phase: 'failed', message: 'not a model' });
    expect(run([{ type: 'dismiss' }], failed)).toBe(IMPORT_IDLE);
    expect(failed).not.toHaveProperty('kind');
  });

  it('keeps the kind of a refused graph model, for the offer to open it for prediction', () => {
    const failed = run([
      { type: 'start', files: [{ name: 'model.json', size: 1 }] },
      { type: 'fail', message: 'a graph model', kind: 'tfjs-graph' },
    ]);
    expect(failed).toMatchObject({ phase: 'failed', kind: 'tfjs-graph' });
  });
});
