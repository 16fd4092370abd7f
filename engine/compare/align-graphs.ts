import type { LayerFacts, SideFacts } from './layer-facts';
import { similarity } from './similarity';

/** How a pair of layers was found: the same name, the best-scoring walk through both orders, or next to pairs already found. */
export type MatchedBy = 'name' | 'order' | 'neighbours';

export interface AlignedPair {
  a: LayerFacts;
  b: LayerFacts;
  by: MatchedBy;
}

export interface Alignment {
  pairs: AlignedPair[];
  onlyA: LayerFacts[];
  onlyB: LayerFacts[];
}

/** Above this many cells the order walk is skipped (memory); names and neighbours still match. */
const MAX_CELLS = 16_000_000;
/** What a name match adds to a pair's score in the walk, so the walk keeps it over any other. */
const NAME_BONUS = 100;

/**
 * Pairs the layers of two graphs that share no ids — an ONNX import and the Keras model it came from,
 * two versions of a network saved by different tools:
 *
 * 1. **Names.** Layers whose name (or name without an ONNX operation suffix) occurs once on each side
 *    and whose kind agrees are paired first.
 * 2. **Order.** A longest common subsequence of the two topological orders, weighted by
 *    `similarity`: pairs must appear in the same order on both sides, and the walk keeps the name
 *    pairs (each worth far more than any other pair).
 * 3. **Neighbours.** A layer left over whose inputs (or outputs) are paired is paired with the
 *    best-scoring unpaired layer next to their partners — branches the two files order differently.
 *
 * @example
 * const { pairs, onlyA, onlyB } = alignGraphs(sideFacts(design), sideFacts(imported.doc));
 */
export function alignGraphs(a: SideFacts, b: SideFacts): Alignment {
  const partnerOfA = new Map<string, AlignedPair>();
  const partnerOfB = new Map<string, AlignedPair>();
  const pair = (x: LayerFacts, y: LayerFacts, by: MatchedBy) => {
    const p = { a: x, b: y, by };
    partnerOfA.set(x.id, p);
    partnerOfB.set(y.id, p);
  };

  const named = nameMatches(a.layers, b.layers);
  const walked = a.layers.length * b.layers.length <= MAX_CELLS ? orderWalk(a.layers, b.layers, named) : [];
  for (const [x, y] of walked) pair(x, y, named.get(x.id) === y.id ? 'name' : 'order');
  // Name pairs the walk could not keep in order (branches listed differently) still hold.
  for (const [ida, idb] of named) {
    const x = a.byId.get(ida);
    const y = b.byId.get(idb);
    if (x && y && !partnerOfA.has(ida) && !partnerOfB.has(idb)) pair(x, y, 'name');
  }
  propagate(a, b, partnerOfA, partnerOfB, pair);

  const pairs = a.layers.flatMap((x) => {
    const p = partnerOfA.get(x.id);
    return p ? [p] : [];
  });
  return {
    pairs,
    onlyA: a.layers.filter((x) => !partnerOfA.has(x.id)),
    onlyB: b.layers.filter((y) => !partnerOfB.has(y.id)),
  };
}

/** A-id → B-id for layers named alike (exactly, else by name key) once on each side, of a kind that can match. */
function nameMatches(as: LayerFacts[], bs: LayerFacts[]): Map<string, string> {
  const result = new Map<string, string>();
  const taken = new Set<string>();
  for (const key of ['name', 'nameKey'] as const) {
    const unique = (list: LayerFacts[]) => {
      const count = new Map<string, number>();
      for (const l of list) count.set(l[key], (count.get(l[key]) ?? 0) + 1);
      return new Map(list.filter((l) => count.get(l[key]) === 1).map((l) => [l[key], l]));
    };
    const inB = unique(bs.filter((l) => !taken.has(l.id)));
    for (const x of unique(as.filter((l) => !result.has(l.id))).values()) {
      const y = inB.get(x[key]);
      if (y && !taken.has(y.id) && similarity(x, y) !== null) {
        result.set(x.id, y.id);
        taken.add(y.id);
      }
    }
  }
  return result;
}

/**
 * The highest-scoring sequence of pairs that keeps both topological orders: dynamic programming
 * over the two orders, a pair allowed when `similarity` allows it and neither layer is named for
 * another.
 */
function orderWalk(as: LayerFacts[], bs: LayerFacts[], named: Map<string, string>): [LayerFacts, LayerFacts][] {
  const n = as.length;
  const m = bs.length;
  const namedB = new Set(named.values());
  const width = m + 1;
  const best = new Float64Array((n + 1) * width);
  // 1: took the pair, 2: skipped a, 3: skipped b.
  const step = new Uint8Array((n + 1) * width);
  for (let i = 1; i <= n; i++) {
    const x = as[i - 1] as LayerFacts;
    const xNamed = named.get(x.id);
    for (let j = 1; j <= m; j++) {
      const y = bs[j - 1] as LayerFacts;
      const up = best[(i - 1) * width + j] as number;
      const left = best[i * width + j - 1] as number;
      let value = up;
      let move = 2;
      if (left > value) {
        value = left;
        move = 3;
      }
      const allowed = xNamed !== undefined ? xNamed === y.id : !namedB.has(y.id);
      const s = allowed ? similarity(x, y) : null;
      if (s !== null) {
        const take = (best[(i - 1) * width + j - 1] as number) + s + (xNamed === y.id ? NAME_BONUS : 0);
        if (take > value) {
          value = take;
          move = 1;
        }
      }
      best[i * width + j] = value;
      step[i * width + j] = move;
    }
  }
  const out: [LayerFacts, LayerFacts][] = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const move = step[i * width + j];
    if (move === 1) {
      out.push([as[i - 1] as LayerFacts, bs[j - 1] as LayerFacts]);
      i--;
      j--;
    } else if (move === 2) i--;
    else j--;
  }
  return out.reverse();
}

/** Pairs leftovers next to paired layers, until nothing more pairs. */
function propagate(
  a: SideFacts,
  b: SideFacts,
  partnerOfA: Map<string, AlignedPair>,
  partnerOfB: Map<string, AlignedPair>,
  pair: (x: LayerFacts, y: LayerFacts, by: MatchedBy) => void,
): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const x of a.layers) {
      if (partnerOfA.has(x.id)) continue;
      const candidates = new Set<string>();
      for (const id of x.inputs) for (const next of b.byId.get(partnerOfA.get(id)?.b.id ?? '')?.outputs ?? []) candidates.add(next);
      for (const id of x.outputs) for (const prev of b.byId.get(partnerOfA.get(id)?.b.id ?? '')?.inputs ?? []) candidates.add(prev);
      let chosen: LayerFacts | undefined;
      let top = -1;
      for (const id of candidates) {
        const y = b.byId.get(id);
        if (!y || partnerOfB.has(id)) continue;
        const s = similarity(x, y);
        // Only the same kind of layer: a neighbour of another kind is more likely an added layer.
        if (s !== null && x.canonical.type === y.canonical.type && s > top) {
          top = s;
          chosen = y;
        }
      }
      if (chosen) {
        pair(x, chosen, 'neighbours');
        changed = true;
      }
    }
  }
}
