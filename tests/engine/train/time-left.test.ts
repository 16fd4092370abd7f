import { describe, expect, it } from 'vitest';
import { etaMs, QUEUED, type RunState, runTransition } from '@/engine/train/run-lifecycle';
import { remainingBatches, runDurationMs, timeLeftMs } from '@/engine/train/time-left';

/** A page that starts watching a 3-epoch run of 100 batches per epoch during its last epoch. */
function joinedLate(): { state: RunState; points: { step: number; at: number }[] } {
  let state = runTransition(QUEUED, { type: 'start', backend: 'wasm', totalEpochs: 3, batchesPerEpoch: 100, initialEpoch: 2, at: 0 });
  const points = [];
  // 32 batches watched at 100 ms each: 68 to go.
  for (let b = 1; b <= 32; b++) {
    state = runTransition(state, { type: 'batch', batch: b, at: b * 100 });
    points.push({ step: 200 + b, at: b * 100 });
  }
  return { state, points };
}

describe('time left', () => {
  it('comes from the batches to go and the rate watched, for a page that joined a run late', () => {
    const { state, points } = joinedLate();
    expect(remainingBatches(state)).toBe(68);
    expect(timeLeftMs(68, points)).toBeCloseTo(6800);
    // The old estimate divided the watched time by every batch ever done: well under a second.
    expect(etaMs(state)).toBeLessThan(1000);
  });

  it('measures the rate over the recent window, so a slow start does not stretch the estimate', () => {
    const points = [
      { step: 1, at: 0 },
      { step: 2, at: 60_000 }, // the first batch compiled shaders for a minute
      { step: 12, at: 61_000 },
      { step: 22, at: 62_000 },
    ];
    expect(timeLeftMs(50, points, 30_000)).toBeCloseTo(5000);
  });

  it('is null until there is a rate, and zero when nothing is left', () => {
    expect(timeLeftMs(10, [])).toBeNull();
    expect(timeLeftMs(10, [{ step: 3, at: 10 }])).toBeNull();
    expect(
      timeLeftMs(10, [
        { step: 3, at: 10 },
        { step: 3, at: 20 },
      ]),
    ).toBeNull();
    expect(timeLeftMs(0, [])).toBe(0);
    expect(remainingBatches(QUEUED)).toBeNull();
  });

  it('gives a finished run the duration it recorded, not the part a page watched', () => {
    expect(runDurationMs({ wallTimeMs: 62_000, startedAt: null, finishedAt: null })).toBe(62_000);
    expect(runDurationMs({ wallTimeMs: null, startedAt: '2026-12-03T10:00:00.000Z', finishedAt: '2026-12-03T10:01:02.000Z' })).toBe(62_000);
    expect(runDurationMs({ wallTimeMs: null, startedAt: null, finishedAt: '2026-12-03T10:01:02.000Z' })).toBeNull();
  });
});
