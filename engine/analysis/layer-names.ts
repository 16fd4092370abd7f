import type { GraphNode } from '../graph/schema';

/**
 * TF.js layer names must be unique and are what weights are keyed by, so each node gets a stable one:
 * its own name when it has one, else its id; later duplicates get a numeric suffix.
 */
export function assignLayerNames(nodes: readonly GraphNode[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const node of nodes) {
    const base = sanitize(node.name ?? node.id);
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
    taken.add(name);
    names.set(node.id, name);
  }
  return names;
}

function sanitize(raw: string): string {
  const cleaned = raw.replace(/[^A-Za-z0-9_.\-/]/g, '_').replace(/^[^A-Za-z0-9.]+/, '');
  return cleaned.length > 0 ? cleaned.slice(0, 120) : 'layer';
}
