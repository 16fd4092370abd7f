import { allLayerSpecs } from '../../../../engine/layers/registry';
import { LAYER_CATEGORIES, type LayerCategory } from '../../../../engine/layers/spec';

export interface PaletteItem {
  type: string;
  label: string;
  category: LayerCategory;
  /** The spec's paragraph, shown as hover help. */
  doc: string;
}

export interface PaletteGroup {
  category: LayerCategory;
  label: string;
  items: PaletteItem[];
}

/** Headings of the palette sections. */
export const CATEGORY_LABELS: Record<LayerCategory, string> = {
  input: 'Input',
  core: 'Core',
  convolution: 'Convolution',
  pooling: 'Pooling',
  reshaping: 'Reshaping',
  normalization: 'Normalization',
  regularization: 'Regularization',
  recurrent: 'Recurrent',
  wrapper: 'Wrappers',
  merge: 'Merge',
  activation: 'Activations',
  preprocessing: 'Preprocessing',
  placeholder: 'Placeholders',
};

/**
 * The layer palette: registry specs by category, in registry order. With a query, only layers whose
 * label, type id or doc contain every word of it (case-insensitive), those matching by name first;
 * empty sections are left out. Placeholders (for unreadable imports) are never offered.
 *
 * @example
 * paletteGroups('conv')[0] // { category: 'convolution', label: 'Convolution', items: [{ type: 'conv1d', … }, …] }
 */
export function paletteGroups(query = ''): PaletteGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const groups: PaletteGroup[] = [];
  for (const category of LAYER_CATEGORIES) {
    if (category === 'placeholder') continue;
    const scored = allLayerSpecs()
      .filter((spec) => spec.category === category)
      .map((spec) => ({ spec, score: score(words, spec) }))
      .filter((s) => s.score > 0);
    scored.sort((a, b) => b.score - a.score);
    const items = scored.map(({ spec }) => ({ type: spec.type, label: spec.label, category: spec.category, doc: spec.doc }));
    if (items.length > 0) groups.push({ category, label: CATEGORY_LABELS[category], items });
  }
  return groups;
}

/** 0: no match; 2: every word in the label or type id; 1: some only in the doc. Stable sort keeps registry order. */
function score(words: string[], spec: { type: string; label: string; doc: string }): number {
  if (words.length === 0) return 1;
  const name = `${spec.label} ${spec.type}`.toLowerCase();
  const doc = spec.doc.toLowerCase();
  if (words.every((w) => name.includes(w))) return 2;
  return words.every((w) => name.includes(w) || doc.includes(w)) ? 1 : 0;
}
