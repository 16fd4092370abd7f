import type { Analysis } from '../analysis/types';
import type { Diagnostic } from '../diagnostics';

/**
 * The most parameters an export with weights builds: 250 M float32 values are 1 GB, and building,
 * copying and writing them takes several times that. VGG-16 (138 M) fits; a 150-byte file declaring
 * a 25,000 × 25,000 Dense layer (625 M) does not.
 */
export const MAX_BUILT_PARAMS = 250_000_000;

const gigabytes = (params: number) => `${((4 * params) / 1024 ** 3).toFixed(1)} GB`;

/**
 * Why a model is too large to build with its weights (for TF.js files and ONNX), naming the largest
 * layer; `undefined` when it fits. Checked from the analysis, before any memory is taken.
 *
 * @example
 * const problem = weightBudgetProblem(analyse(doc));
 * if (problem) return [problem];
 */
export function weightBudgetProblem(analysis: Analysis, limit = MAX_BUILT_PARAMS): Diagnostic | undefined {
  const total = analysis.totals.params;
  if (total <= limit) return undefined;
  const largest = Object.values(analysis.nodes).reduce<{ id?: string; name?: string; params: number }>(
    (best, n) => {
      const params = (n.paramCount?.trainable ?? 0) + (n.paramCount?.nonTrainable ?? 0);
      return params > best.params ? { id: n.id, name: n.layerName, params } : best;
    },
    { params: 0 },
  );
  return {
    code: 'export_unsupported',
    severity: 'error',
    ...(largest.id ? { nodeId: largest.id } : {}),
    message: `The model has ${total.toLocaleString('en-US')} parameters (${gigabytes(total)} of weights); models are built with their weights only up to ${limit.toLocaleString('en-US')} (${gigabytes(limit)}).`,
    hint: `${largest.name ? `The largest layer is "${largest.name}" (${largest.params.toLocaleString('en-US')} parameters); make it smaller, or ` : 'Make the model smaller, or '}export Keras or TypeScript code, which holds no weights.`,
  };
}
