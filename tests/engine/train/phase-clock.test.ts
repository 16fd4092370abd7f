import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Batch } from '../../../engine/data/batch-source';
import { inMemoryBatchSource } from '../../../engine/data/batch-source';
import { spiral } from '../../../engine/data/generated';
import { templateGraph } from '../../../engine/templates';
import { phaseClock, RUN_PHASES, RunTimingSchema } from '../../../engine/train/phase-clock';
import { runJob } from '../../../engine/train/run-job';
import { timingSummary } from '../../../engine/train/timing-summary';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A clock the test moves by hand. */
function handClock() {
  let t = 0;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('phaseClock', () => {
  it('takes an inner phase off the outer one, so phases and other add up to the wall time', async () => {
    const hand = handClock();
    const clock = phaseClock(hand.now);
    hand.advance(5); // before any phase: other
    await clock.time('progress', async () => {
      hand.advance(10);
      await clock.time('checkpoint', async () => {
        hand.advance(30);
      });
      hand.advance(2);
    });
    clock.time('training', () => hand.advance(100));
    clock.countSamples(64);
    const timing = clock.timing();
    expect(timing).toEqual({ wallMs: 147, phases: { training: 100, checkpoint: 30, progress: 12, other: 5 }, samples: 64 });
    expect(RunTimingSchema.parse(timing)).toEqual(timing);
  });

  it('closes a phase whose work throws', () => {
    const hand = handClock();
    const clock = phaseClock(hand.now);
    expect(() =>
      clock.time('setup', () => {
        hand.advance(7);
        throw new Error('no');
      }),
    ).toThrow('no');
    hand.advance(3);
    expect(clock.timing().phases).toEqual({ setup: 7, other: 3 });
  });

  it('summarises a timing: rates end to end and for the loop alone, and the biggest overhead', () => {
    const summary = timingSummary({ wallMs: 10_000, phases: { training: 6000, data: 3000, paused: 500, other: 500 }, samples: 6000 });
    expect(summary.loopAlone).toBeCloseTo(1000);
    expect(summary.endToEnd).toBeCloseTo(6000 / 9.5); // paused time is nobody's overhead
    expect(summary.ratio).toBeCloseTo(0.6 / 0.95);
    expect(summary.biggestOverhead?.phase).toBe('data');
    expect(summary.rows.map((r) => r.phase)).toEqual(['data', 'training', 'paused', 'other']);
  });
});

describe('a run records where its time went', () => {
  it('times setup, data, training, validation, checkpoints, test, evaluation and files, adding up to the wall time; checkpoints are written while the next epoch trains', async () => {
    const data = spiral({ samples: 240, seed: 3 });
    const inner = inMemoryBatchSource(data);
    let slowBatches = 0;
    // A source that makes the loop wait for its batches, as a database would.
    const source = {
      ...inner,
      batches: (split: Parameters<typeof inner.batches>[0], options: Parameters<typeof inner.batches>[1]) =>
        (async function* () {
          for await (const batch of inner.batches(split, options) as AsyncIterable<Batch>) {
            if (split === 'train') {
              slowBatches++;
              await new Promise((r) => setTimeout(r, 15));
            }
            yield batch;
          }
        })(),
    };
    const doc = templateGraph('mlp');
    if (!doc) throw new Error('no mlp template');
    let checkpoints = 0;
    const result = await runJob(
      tf,
      doc,
      { training: { epochs: 2, batchSize: 32, seed: 1 } },
      {
        source,
        checkpoints: {
          latest: async () => null,
          save: async () => {
            checkpoints++;
            await new Promise((r) => setTimeout(r, 80));
            return true;
          },
        },
      },
    );
    if (!result.ok) throw new Error(result.problem);
    const { timing } = result;
    expect(checkpoints).toBe(2);
    expect(timing.samples).toBe(2 * inner.count('train'));
    for (const phase of ['setup', 'data', 'tensors', 'training', 'checkpoint', 'evaluation', 'artifacts'] as const)
      expect(timing.phases[phase], phase).toBeGreaterThan(0);
    if (inner.count('validation') > 0) expect(timing.phases.validation).toBeGreaterThan(0);
    // Waiting for 15 ms batches shows as data. Of the two 80 ms checkpoint writes, the first is written
    // while the second epoch trains (an epoch takes longer than a write), so only the last one is waited for.
    expect(timing.phases.data).toBeGreaterThanOrEqual(slowBatches * 14);
    expect(timing.phases.checkpoint).toBeGreaterThanOrEqual(79);
    expect(timing.phases.checkpoint).toBeLessThan(150);
    const sum = RUN_PHASES.reduce((s, p) => s + (timing.phases[p] ?? 0), 0);
    expect(sum).toBeCloseTo(timing.wallMs, -1);
    expect(timingSummary(timing).ratio).toBeLessThan(1);
  });
});
