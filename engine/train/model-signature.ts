import { analyse } from '../analysis/analyse';
import type { GraphDoc } from '../graph/schema';

/** FNV-1a, 32 bits: short, stable, and enough to tell models apart in a browser's memory. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * What decides which backend trains a model fastest: its layer types and their output shapes, in
 * order, and the batch size. Two designs that differ only in names, positions or ids share a
 * signature, so a backend measured for one serves the other; a changed layer or shape gives a new one.
 *
 * @example
 * modelSignature(templateGraph('lenet5')!, 32); // e.g. 'm9-3f2a1c07'
 */
export function modelSignature(doc: GraphDoc, batchSize: number): string {
  const analysis = analyse(doc);
  const types = new Map(doc.nodes.map((n) => [n.id, n.type]));
  const layers = analysis.order.map((id) => `${types.get(id)}${JSON.stringify(analysis.nodes[id]?.outputShapes ?? null)}`);
  return `m${layers.length}-${fnv1a(`${layers.join('|')}#${batchSize}`)}`;
}
