import type { LayerProfile } from '@/engine/inspect/profile-layers';

/** What the canvas and the summary show for one profiled layer. */
export interface LayerFigure {
  /** Forward plus backward milliseconds for one batch. */
  ms: number;
  forwardMs: number;
  backwardMs: number;
  activationBytes: number;
  weightBytes: number;
  /** This layer's share of the whole network's time, 0…1: the heat of its colour. */
  share: number;
  slowest: boolean;
}

/**
 * Each profiled layer's figures by graph node, with its share of the total time and the slowest one
 * marked. Layers without a node (none in a compiled design) are left out.
 *
 * @example
 * layerFigures(rows).get('n3'); // { ms: 3.2, share: 0.41, slowest: true, … }
 */
export function layerFigures(rows: readonly LayerProfile[]): Map<string, LayerFigure> {
  const total = rows.reduce((sum, r) => sum + r.forwardMs + r.backwardMs, 0);
  const slowest = rows.reduce<LayerProfile | null>(
    (best, r) => (!best || r.forwardMs + r.backwardMs > best.forwardMs + best.backwardMs ? r : best),
    null,
  );
  const figures = new Map<string, LayerFigure>();
  for (const r of rows) {
    if (!r.nodeId) continue;
    const ms = r.forwardMs + r.backwardMs;
    figures.set(r.nodeId, {
      ms,
      forwardMs: r.forwardMs,
      backwardMs: r.backwardMs,
      activationBytes: r.activationBytes,
      weightBytes: r.weightBytes,
      share: total > 0 ? ms / total : 0,
      slowest: r === slowest,
    });
  }
  return figures;
}

/** Milliseconds as a short label: "0.42 ms", "3.2 ms", "120 ms". */
export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

/** The heat colour of a share of the time: pale yellow for little, deep red for most of it. */
export function heatColour(share: number): string {
  const s = Math.max(0, Math.min(1, share));
  // A square root spreads the small shares of a many-layer network over the scale.
  const t = Math.sqrt(s);
  return `hsl(${Math.round(52 - 52 * t)} 95% ${Math.round(82 - 32 * t)}%)`;
}
