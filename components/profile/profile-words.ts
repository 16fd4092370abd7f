import type { Analysis } from '@/engine/analysis/types';
import type { Diagnostic } from '@/engine/diagnostics';

/**
 * Why a design cannot be profiled, in plain words that point at the layer: its first problem (and
 * how many more), so the user knows where to look.
 *
 * @example
 * problemWords([{ code: 'shape_mismatch', severity: 'error', nodeId: 'n3', message: 'Needs a 4-D input' }], analysis);
 * // → 'The design has a problem to fix first: “conv2d_1”: Needs a 4-D input'
 */
export function problemWords(diagnostics: readonly Diagnostic[], analysis: Analysis): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  if (!first) return 'The design cannot be built yet.';
  const name = first.nodeId ? analysis.nodes[first.nodeId]?.layerName : undefined;
  const where = name ? `“${name}”: ` : '';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more in the Problems list)` : '';
  return `The design has ${errors.length > 1 ? 'problems' : 'a problem'} to fix first: ${where}${first.message}${more}`;
}
