import { PHASE_WORDS, RUN_PHASES, type RunPhase, type RunTiming } from './phase-clock';

export interface TimingRow {
  phase: RunPhase;
  words: string;
  ms: number;
  /** Share of the wall time, 0–1. */
  share: number;
}

export interface TimingSummary {
  /** Phases that took any time, in the order a run meets them. */
  rows: TimingRow[];
  /** Training samples per second over the whole run, and for the training loop alone. */
  endToEnd: number | null;
  loopAlone: number | null;
  /** endToEnd / loopAlone: 1 when nothing but training took time. */
  ratio: number | null;
  /** The phase (other than training) that took the most time, when it took at least a tenth. */
  biggestOverhead: TimingRow | null;
}

/** What a run page and the benches say of a {@link RunTiming}. */
export function timingSummary(timing: RunTiming): TimingSummary {
  const wall = Math.max(timing.wallMs, 1e-9);
  const rows = RUN_PHASES.flatMap((phase) => {
    const ms = timing.phases[phase] ?? 0;
    return ms >= 0.5 ? [{ phase, words: PHASE_WORDS[phase], ms, share: ms / wall }] : [];
  });
  const training = timing.phases.training ?? 0;
  // Time the run stood paused is nobody's overhead.
  const working = timing.wallMs - (timing.phases.paused ?? 0);
  const endToEnd = timing.samples > 0 && working > 0 ? timing.samples / (working / 1000) : null;
  const loopAlone = timing.samples > 0 && training > 0 ? timing.samples / (training / 1000) : null;
  const overheads = rows.filter((r) => r.phase !== 'training' && r.phase !== 'paused').sort((a, b) => b.ms - a.ms);
  const top = overheads[0];
  return {
    rows,
    endToEnd,
    loopAlone,
    ratio: endToEnd !== null && loopAlone !== null ? endToEnd / loopAlone : null,
    biggestOverhead: top && top.share >= 0.1 ? top : null,
  };
}
