import type { FieldChange } from '../graph/diff';
import { diffValues } from '../graph/diff';
import type { GraphDoc } from '../graph/schema';
import type { Shape } from '../shape';
import { type AlignedPair, alignGraphs, type MatchedBy } from './align-graphs';
import { activationOf, INFERENCE_NO_OPS } from './canonical-layer';
import { type LayerFacts, type SideFacts, sideFacts } from './layer-facts';
import { nearEqual } from './near-equal';
import type { NodeWeights } from './node-weights';
import { type WeightDelta, weightDeltas } from './weight-deltas';

/** One side of a comparison: a design and, when known, its weights by node id. */
export interface ComparedModel {
  doc: GraphDoc;
  weights?: NodeWeights;
}

/** A layer as a comparison names it. */
export interface LayerRef {
  id: string;
  name: string;
  type: string;
  params: number | null;
  outputShape: Shape | null;
}

export interface LayerMatch {
  a: LayerRef;
  b: LayerRef;
  by: MatchedBy;
  status: 'same' | 'changed';
  /** Settings that differ (paths `type`, `params.units`), on the canonical forms. */
  changes: FieldChange[];
  /** Per weight tensor, when both sides carry weights for the pair. */
  weights?: WeightDelta[];
  /** The pair's largest weight difference (`Infinity` when a tensor's shape differs or one side lacks it). */
  maxWeightDiff?: number;
  /** A layer of the same side whose work this layer does as well: the separate activation fused into it. */
  fused?: LayerRef[];
}

/** A layer only one side has that changes nothing: an activation fused into the layer before it, or a layer that only acts in training. */
export interface EquivalentLayer {
  side: 'a' | 'b';
  layer: LayerRef;
  kind: 'fused' | 'inference_no_op';
  /** For `fused`: the matched layer (of the other side) that applies it. */
  into?: LayerRef;
}

export interface ModelComparison {
  matches: LayerMatch[];
  onlyA: LayerRef[];
  onlyB: LayerRef[];
  equivalent: EquivalentLayer[];
  /** Connections between matched layers that the other side lacks, as `[source, target]` ids of their own side. */
  connections: { onlyA: [string, string][]; onlyB: [string, string][] };
  summary: ComparisonSummary;
}

export interface ComparisonSummary {
  layersA: number;
  layersB: number;
  matched: number;
  same: number;
  changed: number;
  onlyA: number;
  onlyB: number;
  equivalent: number;
  paramsA: number;
  paramsB: number;
  weights: {
    /** Whether each side brought weights. */
    a: boolean;
    b: boolean;
    /** Tensors compared value by value, and the largest difference among them. */
    tensors: number;
    maxAbsDiff: number | null;
    /** Matched layers whose weights differ by more than the tolerance (or in shape). */
    differing: number;
    tolerance: number;
  };
  /** Nothing differs: every layer matched with the same settings (or is an equivalent form), same connections, weights within the tolerance. */
  identical: boolean;
}

export interface CompareOptions {
  /** Largest absolute weight difference still counted as the same weights; 1e-5 by default. */
  tolerance?: number;
}

/**
 * Compares two models that need not share ids or a file format: the layers are aligned
 * (`alignGraphs`), each pair's canonical settings compared (`canonicalLayer`: training-only
 * settings and spellings of the same computation set aside), activations one side fuses into the
 * layer before and layers that only act in training recognised as equivalent, connections between
 * matched layers checked, and the weights of matched layers compared where both sides carry them.
 *
 * @example
 * const c = compareModels({ doc: design }, { doc: onnx.doc, weights: nodeWeightsFromNamed(onnx.doc, onnx.weightArrays) });
 * c.summary; // { matched: 9, changed: 1, onlyA: 0, onlyB: 0, … }
 */
export function compareModels(a: ComparedModel, b: ComparedModel, options: CompareOptions = {}): ModelComparison {
  const tolerance = options.tolerance ?? 1e-5;
  const sideA = sideFacts(a.doc);
  const sideB = sideFacts(b.doc);
  const alignment = alignGraphs(sideA, sideB);
  const matches = alignment.pairs.map((p) => matchOf(p));
  const partner = {
    a: new Map(alignment.pairs.map((p) => [p.a.id, p.b.id])),
    b: new Map(alignment.pairs.map((p) => [p.b.id, p.a.id])),
  };
  const matchByA = new Map(matches.map((m) => [m.a.id, m]));
  const matchByB = new Map(matches.map((m) => [m.b.id, m]));

  const equivalent: EquivalentLayer[] = [];
  const onlyA = alignment.onlyA.filter((l) => !absorb('a', l, sideA, matchByA, equivalent));
  const onlyB = alignment.onlyB.filter((l) => !absorb('b', l, sideB, matchByB, equivalent));

  let tensors = 0;
  let maxAbsDiff: number | null = null;
  let differing = 0;
  if (a.weights && b.weights) {
    for (const m of matches) {
      const wa = a.weights[m.a.id] ?? [];
      const wb = b.weights[m.b.id] ?? [];
      if (wa.length === 0 && wb.length === 0) continue;
      m.weights = weightDeltas(wa, wb);
      m.maxWeightDiff = Math.max(...m.weights.map((w) => w.maxAbsDiff ?? Number.POSITIVE_INFINITY));
      for (const w of m.weights) {
        if (w.maxAbsDiff === null) continue;
        tensors++;
        maxAbsDiff = Math.max(maxAbsDiff ?? 0, w.maxAbsDiff);
      }
      if (m.maxWeightDiff > tolerance) {
        differing++;
        m.status = 'changed';
      }
    }
  }
  for (const m of matches) if (m.changes.length > 0) m.status = 'changed';

  // Connections through a layer only one side has are that layer's difference, not another one.
  const throughA = (id: string) => !partner.a.has(id);
  const throughB = (id: string) => !partner.b.has(id);
  const connections = {
    onlyA: missingConnections(sideA, sideB, partner.a, throughA, throughB),
    onlyB: missingConnections(sideB, sideA, partner.b, throughB, throughA),
  };
  const changed = matches.filter((m) => m.status === 'changed').length;
  return {
    matches,
    onlyA: onlyA.map(ref),
    onlyB: onlyB.map(ref),
    equivalent,
    connections,
    summary: {
      layersA: sideA.layers.length,
      layersB: sideB.layers.length,
      matched: matches.length,
      same: matches.length - changed,
      changed,
      onlyA: onlyA.length,
      onlyB: onlyB.length,
      equivalent: equivalent.length,
      paramsA: sideA.analysis.totals.params,
      paramsB: sideB.analysis.totals.params,
      weights: { a: Boolean(a.weights), b: Boolean(b.weights), tensors, maxAbsDiff, differing, tolerance },
      identical: changed === 0 && onlyA.length === 0 && onlyB.length === 0 && connections.onlyA.length + connections.onlyB.length === 0,
    },
  };
}

function ref(l: LayerFacts): LayerRef {
  return { id: l.id, name: l.name, type: l.type, params: l.params, outputShape: l.outputShape };
}

function matchOf(p: AlignedPair): LayerMatch {
  const changes = [
    ...(p.a.canonical.type === p.b.canonical.type ? [] : diffValues(p.a.type, p.b.type, 'type')),
    ...diffValues(p.a.canonical.params, p.b.canonical.params, 'params').filter((c) => !nearEqual(c.before, c.after)),
  ];
  // The status is settled once fused activations and weights are known.
  return { a: ref(p.a), b: ref(p.b), by: p.by, status: 'same', changes };
}

/**
 * Whether a layer only one side has changes nothing, recorded in `equivalent` if so: a layer that
 * only acts in training, or an activation directly after a matched layer whose partner applies that
 * same activation itself while this side's layer is linear (Conv + Relu fused into one Conv).
 */
function absorb(side: 'a' | 'b', layer: LayerFacts, facts: SideFacts, matchOf: Map<string, LayerMatch>, out: EquivalentLayer[]): boolean {
  if (layer.inputs.length !== 1) return false;
  if (INFERENCE_NO_OPS.has(layer.type) || (layer.canonical.type === 'activation' && activationOf(layer.canonical) === 'linear')) {
    out.push({ side, layer: ref(layer), kind: 'inference_no_op' });
    return true;
  }
  const fn = activationOf(layer.canonical);
  const before = facts.byId.get(layer.inputs[0] as string);
  const match = before ? matchOf.get(before.id) : undefined;
  if (layer.canonical.type !== 'activation' || !before || !match || before.outputs.length !== 1) return false;
  const change = match.changes.find((c) => c.path === 'params.activation');
  const [mine, theirs] = side === 'a' ? [change?.before, change?.after] : [change?.after, change?.before];
  if (!change || mine !== 'linear' || theirs !== fn) return false;
  match.changes = match.changes.filter((c) => c !== change);
  match.fused = [...(match.fused ?? []), ref(layer)];
  out.push({ side, layer: ref(layer), kind: 'fused', into: side === 'a' ? match.b : match.a });
  return true;
}

/**
 * Connections of `from` between matched layers that `to` lacks. Unmatched layers (equivalent forms,
 * layers only one side has) are passed through: `conv → relu → pool` on one side is `conv → pool`
 * on the other.
 */
function missingConnections(
  from: SideFacts,
  to: SideFacts,
  partner: Map<string, string>,
  skipFrom: (id: string) => boolean,
  skipTo: (id: string) => boolean,
): [string, string][] {
  const targets = (facts: SideFacts, id: string, skip: (id: string) => boolean): string[] => {
    const out: string[] = [];
    const seen = new Set<string>();
    const walk = (at: string) => {
      for (const next of facts.byId.get(at)?.outputs ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        if (skip(next)) walk(next);
        else out.push(next);
      }
    };
    walk(id);
    return out;
  };
  const have = new Set<string>();
  for (const l of to.layers) if (!skipTo(l.id)) for (const t of targets(to, l.id, skipTo)) have.add(`${l.id}\u0000${t}`);
  const missing: [string, string][] = [];
  for (const l of from.layers) {
    if (skipFrom(l.id)) continue;
    const source = partner.get(l.id);
    for (const t of targets(from, l.id, skipFrom)) {
      const target = partner.get(t);
      if (source === undefined || target === undefined) continue;
      if (!have.has(`${source}\u0000${target}`)) missing.push([l.id, t]);
    }
  }
  return missing;
}
