import type { LayerOutput } from '../inspect/layer-outputs';

/**
 * How one output of a prediction is best shown: the top classes of a vector, a picture (or mask)
 * for an image-shaped output of 1 or 3 channels, feature maps for one of more channels, and for
 * anything else its shape and a summary of its values.
 */
export type OutputView = 'classes' | 'image' | 'maps' | 'values';

export function outputView(shape: readonly number[]): OutputView {
  if (shape.length === 1 && (shape[0] ?? 0) > 1) return 'classes';
  if (shape.length === 3 && (shape[0] ?? 0) > 1 && (shape[1] ?? 0) > 1) return shape[2] === 1 || shape[2] === 3 ? 'image' : 'maps';
  return 'values';
}

/** The mean and first values of an output, for one shown as numbers. */
export function valueSummary(output: Pick<LayerOutput, 'values'>, first = 8): { mean: number; first: number[] } {
  let sum = 0;
  for (const v of output.values) sum += v;
  return { mean: output.values.length ? sum / output.values.length : 0, first: Array.from(output.values.slice(0, first)) };
}

/**
 * Class names from a labels file or list: one per line (or separated by commas), a JSON array of names, or an object of
 * index → name (as Keras's `imagenet_class_index.json` has, `{"0": ["n01440764", "tench"]}`).
 */
export function parseLabels(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      const json = JSON.parse(trimmed) as unknown;
      const name = (v: unknown) => (Array.isArray(v) ? String(v[v.length - 1]) : String(v));
      if (Array.isArray(json)) return json.map(name);
      if (typeof json === 'object' && json !== null) {
        const entries = Object.entries(json).filter(([k]) => /^\d+$/.test(k));
        const out: string[] = [];
        for (const [k, v] of entries) out[Number(k)] = name(v);
        return Array.from(out, (v, i) => v ?? `class ${i}`);
      }
    } catch {
      // Not JSON after all: read it as lines.
    }
  }
  // One name a line; a single line is read as names separated by commas.
  const lines = trimmed.split(/\r?\n/);
  return (lines.length === 1 ? trimmed.split(',') : lines).map((l) => l.trim()).filter((l) => l.length > 0);
}
