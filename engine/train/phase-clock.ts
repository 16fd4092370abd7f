import { z } from 'zod';

/**
 * The parts of a run's time, in the order a run meets them. `other` is what no phase claimed (keep-best
 * copies, learning-rate changes, bookkeeping between the timed parts).
 */
export const RUN_PHASES = [
  'setup',
  'data',
  'augmentation',
  'tensors',
  'training',
  'validation',
  'checkpoint',
  'progress',
  'yield',
  'paused',
  'test',
  'evaluation',
  'artifacts',
  'other',
] as const;
export type RunPhase = (typeof RUN_PHASES)[number];

/** What each phase means, in words a run page can show. */
export const PHASE_WORDS: Record<RunPhase, string> = {
  setup: 'building the network, choosing a backend, loading the starting weights',
  data: 'waiting for the next batch of data',
  augmentation: 'augmenting training batches',
  tensors: 'turning batches into tensors',
  training: 'forward and backward passes (the training loop itself)',
  validation: 'evaluating the validation split after each epoch',
  checkpoint: 'writing a checkpoint after each epoch',
  progress: 'reporting progress (curves, events)',
  yield: 'letting the page, timers and the network run between batches',
  paused: 'paused by you',
  test: 'evaluating the test split at the end',
  evaluation: 'the task’s evaluation (confusion matrix, boxes, masks…)',
  artifacts: 'writing the trained model’s files',
  other: 'everything else',
};

/** How long a run took and where the time went (milliseconds), as stored with the run. */
export const RunTimingSchema = z.object({
  wallMs: z.number().nonnegative().max(1e10),
  phases: z.partialRecord(z.enum(RUN_PHASES), z.number().nonnegative().max(1e10)),
  /** Training samples the loop went through (every epoch), for samples per second end to end. */
  samples: z.number().int().nonnegative().max(1e12),
});
export type RunTiming = z.infer<typeof RunTimingSchema>;

/**
 * Times the phases of a run. Phases nest: time spent in an inner phase is taken off the outer one, so
 * the phases never count a millisecond twice and, with `other`, add up to the wall time.
 */
export interface PhaseClock {
  /** Runs `work` as `phase`; sync work stays sync. */
  time<T>(phase: RunPhase, work: () => T): T;
  /** Adds training samples seen. */
  countSamples(n: number): void;
  /** The times so far; `other` is the wall time no phase claimed. */
  timing(): RunTiming;
}

export function phaseClock(now: () => number = () => performance.now()): PhaseClock {
  const started = now();
  const totals: Partial<Record<RunPhase, number>> = {};
  const stack: { phase: RunPhase; since: number }[] = [];
  let samples = 0;
  const add = (phase: RunPhase, ms: number) => {
    totals[phase] = (totals[phase] ?? 0) + ms;
  };
  const enter = (phase: RunPhase) => {
    const t = now();
    const outer = stack.at(-1);
    if (outer) {
      add(outer.phase, t - outer.since);
      outer.since = t;
    }
    stack.push({ phase, since: t });
  };
  const leave = () => {
    const t = now();
    const inner = stack.pop();
    if (inner) add(inner.phase, t - inner.since);
    const outer = stack.at(-1);
    if (outer) outer.since = t;
  };
  return {
    time<T>(phase: RunPhase, work: () => T): T {
      enter(phase);
      let result: T;
      try {
        result = work();
      } catch (error) {
        leave();
        throw error;
      }
      if (result instanceof Promise) return result.finally(leave) as T;
      leave();
      return result;
    },
    countSamples(n) {
      samples += n;
    },
    timing() {
      const wallMs = now() - started;
      const phases: Partial<Record<RunPhase, number>> = {};
      let claimed = 0;
      for (const phase of RUN_PHASES) {
        const ms = totals[phase];
        if (ms === undefined || phase === 'other') continue;
        phases[phase] = round(ms);
        claimed += ms;
      }
      phases.other = round(Math.max(0, wallMs - claimed));
      return { wallMs: round(wallMs), phases, samples };
    },
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
