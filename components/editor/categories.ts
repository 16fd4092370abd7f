import type { LayerCategory } from '@/engine/layers/spec';

/**
 * One calm colour per layer category, used for the node's accent, the palette dot and the minimap.
 * Picked to stay apart from the status colours (red errors, amber warnings, green additions).
 */
export const CATEGORY_COLORS: Record<LayerCategory, string> = {
  input: '#0b7285',
  core: '#3b5bdb',
  convolution: '#7048e8',
  pooling: '#1098ad',
  reshaping: '#868e96',
  normalization: '#0ca678',
  regularization: '#74b816',
  recurrent: '#d6336c',
  wrapper: '#ae3ec9',
  merge: '#f08c00',
  activation: '#e8590c',
  preprocessing: '#495057',
  placeholder: '#adb5bd',
};

export function categoryColor(category: LayerCategory | null | undefined): string {
  return category ? CATEGORY_COLORS[category] : '#adb5bd';
}
