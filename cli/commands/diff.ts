import type * as tfjs from '@tensorflow/tfjs';
import { nodeTf } from '../../engine/backends/node-tf';
import { type ComparedModel, compareModels, type ModelComparison } from '../../engine/compare/compare-models';
import { equivalentWords, layerWords, matchChangeLines, summaryLine, totalsLine } from '../../engine/compare/comparison-words';
import { nodeWeightsFromTensors } from '../../engine/compare/node-weights';
import { EXIT, UsageError } from '../errors';
import { loadGraph, loadGraphWeights } from '../load-graph';

/**
 * `netcanvas diff A B [--json] [--tolerance X]`: two models of any formats the importer reads (or
 * graph files, or `template:NAME`), layers aligned across formats, what differs printed. Exit 0
 * when the two are the same network (weights within the tolerance), 1 when they differ.
 */
export async function diffCommand(fileA: string, fileB: string, options: { json: boolean; tolerance?: number }): Promise<number> {
  const tf = await nodeTf();
  const [a, b] = [await loadSide(tf, fileA), await loadSide(tf, fileB)];
  const comparison = compareModels(a, b, options.tolerance !== undefined ? { tolerance: options.tolerance } : {});
  if (options.json) process.stdout.write(`${JSON.stringify(jsonOf(comparison), null, 2)}\n`);
  else process.stdout.write(`${formatComparison(comparison, fileA, fileB)}\n`);
  return comparison.summary.identical ? EXIT.ok : EXIT.modelErrors;
}

/** A side of the comparison: the file imported, with its weights when it has any. */
async function loadSide(tf: typeof tfjs, file: string): Promise<ComparedModel> {
  const loaded = await loadGraph(file);
  if (loaded.doc.nodes.length === 0) {
    const why = loaded.diagnostics.find((d) => d.severity === 'error')?.message ?? 'it has no layers';
    throw new UsageError(`${file}: cannot be compared: ${why.charAt(0).toLowerCase()}${why.slice(1)}`);
  }
  const { weights } = await loadGraphWeights(tf, file).catch(() => ({ weights: undefined }));
  if (!weights) return { doc: loaded.doc };
  const side = { doc: loaded.doc, weights: nodeWeightsFromTensors(loaded.doc, weights) };
  tf.dispose(Object.values(weights));
  return side;
}

/** The comparison as text: the summary, totals, then each difference on its own line. */
export function formatComparison(c: ModelComparison, fileA: string, fileB: string): string {
  const lines = [`A: ${fileA}`, `B: ${fileB}`, summaryLine(c.summary, { a: 'A', b: 'B' }), totalsLine(c.summary, { a: 'A', b: 'B' })];
  const changed = c.matches.filter((m) => m.status === 'changed');
  if (changed.length + c.onlyA.length + c.onlyB.length + c.equivalent.length > 0) lines.push('');
  for (const m of changed) {
    lines.push(`~ ${layerWords(m.a)} ↔ ${layerWords(m.b)}`);
    for (const line of matchChangeLines(m, c.summary.weights.tolerance)) lines.push(`    ${line}`);
  }
  for (const l of c.onlyA) lines.push(`- ${layerWords(l)}: only in A`);
  for (const l of c.onlyB) lines.push(`+ ${layerWords(l)}: only in B`);
  for (const [s, t] of c.connections.onlyA) lines.push(`- connection ${s} → ${t}: only in A`);
  for (const [s, t] of c.connections.onlyB) lines.push(`+ connection ${s} → ${t}: only in B`);
  for (const e of c.equivalent) lines.push(`= ${equivalentWords(e)} (${e.side === 'a' ? 'A' : 'B'})`);
  return lines.join('\n');
}

/** The comparison as JSON, without the weight values. */
function jsonOf(c: ModelComparison) {
  return {
    summary: c.summary,
    matches: c.matches.map((m) => ({
      a: m.a.name,
      b: m.b.name,
      type: m.a.type,
      status: m.status,
      by: m.by,
      changes: m.changes,
      ...(m.weights ? { weights: m.weights } : {}),
      ...(m.fused ? { fused: m.fused.map((f) => f.name) } : {}),
    })),
    onlyA: c.onlyA,
    onlyB: c.onlyB,
    equivalent: c.equivalent.map((e) => ({ side: e.side, layer: e.layer.name, kind: e.kind, ...(e.into ? { into: e.into.name } : {}) })),
    connections: c.connections,
  };
}
