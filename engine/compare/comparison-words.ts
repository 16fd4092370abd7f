import { changeWords } from '../graph/change-words';
import type { ComparisonSummary, EquivalentLayer, LayerMatch, LayerRef } from './compare-models';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A weight difference as a person reads it: `0`, `3.1e-7`, `0.042`. */
export function deltaWords(d: number): string {
  if (d === 0) return '0';
  if (!Number.isFinite(d)) return 'shapes differ';
  return d < 1e-3 || d >= 1e4 ? d.toExponential(1) : String(Number(d.toPrecision(2)));
}

/**
 * A comparison's totals in one line: "142 of 150 layers matched · 3 changed · 5 only in the file".
 * `names` says what the two sides are called ("the design", "the file").
 *
 * @example
 * summaryLine(c.summary, { a: 'A', b: 'B' }); // '9 of 9 layers matched · no differences'
 */
export function summaryLine(s: ComparisonSummary, names: { a: string; b: string }): string {
  const of = Math.max(s.layersA, s.layersB);
  const parts = [`${s.matched + s.equivalent} of ${of} layers matched`];
  if (s.changed > 0) parts.push(`${s.changed} changed`);
  if (s.onlyA > 0) parts.push(`${s.onlyA} only in ${names.a}`);
  if (s.onlyB > 0) parts.push(`${s.onlyB} only in ${names.b}`);
  if (s.equivalent > 0) parts.push(`${plural(s.equivalent, 'layer')} in an equivalent form`);
  if (s.identical) parts.push('no differences');
  return parts.join(' · ');
}

/** Parameter totals and the weights, in one line: "Parameters 61,706 → 61,706 · weights: 10 tensors compared, max |Δ| 3.0e-8". */
export function totalsLine(s: ComparisonSummary, names: { a: string; b: string } = { a: 'the first side', b: 'the second side' }): string {
  const params = `Parameters ${s.paramsA.toLocaleString('en-US')} → ${s.paramsB.toLocaleString('en-US')}`;
  const w = s.weights;
  if (!w.a || !w.b) {
    const missing = !w.a && !w.b ? 'neither side has weights' : `only ${w.a ? names.a : names.b} has weights`;
    return `${params} · weights not compared (${missing})`;
  }
  const max = w.maxAbsDiff === null ? '' : `, max |Δ| ${deltaWords(w.maxAbsDiff)}`;
  const differing = w.differing > 0 ? ` · ${plural(w.differing, 'layer')} with other weights` : '';
  return `${params} · weights: ${plural(w.tensors, 'tensor')} compared${max}${differing}`;
}

/** A layer as a line names it: `conv1 (conv2d)`. */
export const layerWords = (l: LayerRef) => `${l.name} (${l.type})`;

/** What differs in a matched pair, one line each: settings, then weights beyond the tolerance. */
export function matchChangeLines(m: LayerMatch, tolerance: number): string[] {
  const lines = m.changes.map((c) => (c.path === 'type' ? `Layer type: ${String(c.before)} → ${String(c.after)}` : changeWords(c)));
  for (const w of m.weights ?? []) {
    if (w.maxAbsDiff !== null && w.maxAbsDiff <= tolerance) continue;
    if (w.maxAbsDiff !== null) lines.push(`Weights ${w.name}: max |Δ| ${deltaWords(w.maxAbsDiff)}`);
    else if (!w.shapeA || !w.shapeB) lines.push(`Weights ${w.name}: only in ${w.shapeA ? 'the first' : 'the second'}`);
    else lines.push(`Weights ${w.name}: shape ${w.shapeA.join('×')} → ${w.shapeB.join('×')}`);
  }
  return lines;
}

/** An equivalent layer in words: "relu_1 (relu): fused into conv1 (conv2d)", "dropout_1 (dropout): acts only in training". */
export function equivalentWords(e: EquivalentLayer): string {
  return e.kind === 'fused' && e.into
    ? `${layerWords(e.layer)}: fused into ${layerWords(e.into)}`
    : `${layerWords(e.layer)}: acts only in training`;
}
