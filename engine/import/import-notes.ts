/**
 * What became of each part of an imported model file, node by node, for an import report: imported
 * exactly, approximated by a close layer, or kept as a placeholder (with what to replace it with).
 */
export interface ImportNote {
  /** The design node the part became (absent when it became no node, e.g. a removed Transpose pair). */
  nodeId?: string;
  status: 'exact' | 'approximated' | 'placeholder';
  /** The file's operations or layers this covers, e.g. `Conv "conv1" + Relu`. */
  source: string;
  message: string;
  /** For approximations and placeholders: what to put in its place. */
  replaceWith?: string;
}
