import { describe, expect, it } from 'vitest';
import {
  canMove,
  etaMs,
  isFinal,
  progressFraction,
  QUEUED,
  type RunEvent,
  type RunState,
  runTransition,
} from '../../../engine/train/run-lifecycle';

const start: RunEvent = { type: 'start', backend: 'wasm', totalEpochs: 4, batchesPerEpoch: 10, at: 1000 };
const run = (events: RunEvent[], from: RunState = QUEUED) => events.reduce(runTransition, from);

describe('run lifecycle', () => {
  it('goes queued → running → paused ↔ running → completed', () => {
    let s = run([start]);
    expect(s).toMatchObject({ status: 'running', backend: 'wasm', epochsDone: 0, totalEpochs: 4 });
    s = run([{ type: 'batch', batch: 5, at: 1500 }], s);
    expect(s).toMatchObject({ status: 'running', batch: 5, elapsedMs: 500 });
    s = run([{ type: 'pause', at: 2000 }], s);
    expect(s).toMatchObject({ status: 'paused', elapsedMs: 1000 });
    // Time spent paused does not count.
    s = run(
      [
        { type: 'resume', at: 10_000 },
        { type: 'epoch', epoch: 0, metrics: { loss: 1 }, at: 10_500 },
      ],
      s,
    );
    expect(s).toMatchObject({ status: 'running', epochsDone: 1, batch: 0, last: { loss: 1 }, elapsedMs: 1500 });
    s = run([{ type: 'complete', final: { loss: 0.5 }, at: 11_000 }], s);
    expect(s).toEqual({ status: 'completed', final: { loss: 0.5 }, epochsDone: 1, elapsedMs: 2000, stoppedEarly: false });
  });

  const table: [string, RunEvent[], RunState['status']][] = [
    ['pause while queued is ignored', [{ type: 'pause', at: 0 }], 'queued'],
    ['resume while running is ignored', [start, { type: 'resume', at: 5 }], 'running'],
    ['cancel while queued', [{ type: 'cancel' }], 'cancelled'],
    ['cancel while paused', [start, { type: 'pause', at: 5 }, { type: 'cancel' }], 'cancelled'],
    ['fail while running', [start, { type: 'fail', error: 'NaN loss' }], 'failed'],
    ['complete while paused (stopped early)', [start, { type: 'pause', at: 5 }, { type: 'complete', final: {}, at: 6 }], 'completed'],
    [
      'nothing moves a completed run',
      [start, { type: 'complete', final: {}, at: 6 }, { ...start }, { type: 'fail', error: 'x' }],
      'completed',
    ],
    ['nothing moves a cancelled run', [{ type: 'cancel' }, start, { type: 'epoch', epoch: 0, metrics: {}, at: 1 }], 'cancelled'],
    ['a second start is ignored', [start, { ...start, backend: 'cpu' }], 'running'],
  ];
  it.each(table)('%s', (_, events, status) => {
    expect(run(events).status).toBe(status);
  });

  it("counts an epoch reported twice once, and keeps a failed run's progress", () => {
    const e0: RunEvent = { type: 'epoch', epoch: 0, metrics: { loss: 1 }, at: 1100 };
    const s = run([start, e0, { ...e0, metrics: { loss: 9 } }]);
    expect(s).toMatchObject({ epochsDone: 1, last: { loss: 1 } });
    expect(run([{ type: 'fail', error: 'boom' }], s)).toEqual({ status: 'failed', error: 'boom', epochsDone: 1 });
  });

  it('starts a resumed run at its initial epoch', () => {
    expect(run([{ ...start, initialEpoch: 3 }])).toMatchObject({ epochsDone: 3 });
  });

  it('estimates progress and time left from the pace so far', () => {
    expect(etaMs(QUEUED)).toBeNull();
    const s = run([start, { type: 'epoch', epoch: 0, metrics: {}, at: 2000 }]);
    // 10 of 40 batches in 1 s: 3 s to go.
    expect(progressFraction(s)).toBeCloseTo(0.25);
    expect(etaMs(s)).toBeCloseTo(3000);
    expect(progressFraction(run([start, { type: 'complete', final: {}, at: 2 }]))).toBe(1);
  });

  it('tells which stored status changes are allowed', () => {
    expect(canMove('queued', 'running')).toBe(true);
    expect(canMove('queued', 'cancelled')).toBe(true);
    expect(canMove('running', 'running')).toBe(true);
    expect(canMove('running', 'completed')).toBe(true);
    expect(canMove('running', 'queued')).toBe(false);
    expect(canMove('completed', 'failed')).toBe(false);
    expect(canMove('cancelled', 'running')).toBe(false);
    expect(isFinal('failed')).toBe(true);
    expect(isFinal(QUEUED)).toBe(false);
  });
});
