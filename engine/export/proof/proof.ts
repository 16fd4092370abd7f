/** Which export a proof is of. */
export type ProofFormat = 'tfjs' | 'onnx' | 'keras';

/**
 * What reloading an export showed, for the line beside its download:
 * - `passed`: the files were reloaded and agree with the original within `tolerance`;
 * - `failed`: they were reloaded (or could not be) and something differed, named in `problems`;
 * - `not-checked`: this runtime cannot run the files at all (Keras code needs Python), `message` says so.
 */
export interface ExportProof {
  format: ProofFormat;
  status: 'passed' | 'failed' | 'not-checked';
  /** The runtime that reloaded the files: `TF.js`, `ONNX Runtime`, `h5wasm`. */
  runtime: string;
  /** How many sample inputs both models predicted (0 when nothing was predicted). */
  samples: number;
  /** The largest absolute difference between the two models' outputs, when both predicted. */
  maxAbsDiff: number | null;
  tolerance: number;
  /** The one line the download shows: `Checked: …`, `Check failed: …` or `Not checked: …`. */
  message: string;
  /** What differed, one sentence each (empty when passed). */
  problems: string[];
}

/**
 * The largest difference allowed between the original's and the reload's outputs, relative to the
 * larger of 1 and the outputs' own scale: float32 arithmetic done in another order differs by about
 * 1e-7 of the values, while a wrong weight or layout differs by far more. The ONNX export tests use
 * the same bound.
 */
export const PROOF_TOLERANCE = 1e-4;

/** A difference in the short form the download line uses: `3.1e-7`, `0` for none. */
export function formatDiff(value: number): string {
  if (value === 0) return '0';
  if (!Number.isFinite(value)) return String(value);
  const [mantissa, exponent] = value.toExponential(1).split('e');
  return `${mantissa}e${Number(exponent)}`;
}

/** `true` when every proof passed or honestly could not be run; `false` when one failed. */
export function proofsHold(proofs: readonly ExportProof[]): boolean {
  return proofs.every((p) => p.status !== 'failed');
}

/**
 * The proof of a reload that predicted: passed when nothing differed. `against` names what the
 * reload was compared with (`TF.js`, `the original`).
 */
export function predictionProof(
  format: ProofFormat,
  runtime: string,
  against: string,
  samples: number,
  comparison: { maxAbsDiff: number; problems: string[] },
): ExportProof {
  const passed = comparison.problems.length === 0;
  const diff = formatDiff(comparison.maxAbsDiff);
  const plural = samples === 1 ? 'sample' : 'samples';
  return {
    format,
    status: passed ? 'passed' : 'failed',
    runtime,
    samples,
    maxAbsDiff: comparison.maxAbsDiff,
    tolerance: PROOF_TOLERANCE,
    message: passed
      ? `Checked: reloaded in ${runtime}, predictions match ${against} ${comparison.maxAbsDiff === 0 ? 'exactly' : `within ${diff}`} on ${samples} ${plural}.`
      : `Check failed: reloaded in ${runtime}, predictions differ from ${against} by up to ${diff} on ${samples} ${plural}.`,
    problems: comparison.problems,
  };
}

/** The proof of files the runtime could not load or run at all. */
export function failedProof(format: ProofFormat, runtime: string, what: string, error: unknown): ExportProof {
  const reason = error instanceof Error ? error.message : String(error);
  const problem = `${runtime} could not ${what}: ${reason.split('\n')[0]}`;
  return {
    format,
    status: 'failed',
    runtime,
    samples: 0,
    maxAbsDiff: null,
    tolerance: PROOF_TOLERANCE,
    message: `Check failed: ${problem}`,
    problems: [problem],
  };
}
