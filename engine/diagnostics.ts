/**
 * Every problem the engine can report, by stable code. Codes are part of the API: the editor, the CLI
 * and tests match on them, so never rename one; add new ones instead.
 */
export const DIAGNOSTIC_CODES = {
  malformed_document: 'The document is not a NetCanvas graph.',
  unsupported_version: 'The document was written by a newer NetCanvas.',
  duplicate_id: 'Two nodes or edges share an id.',
  unknown_layer: 'The layer type is not one NetCanvas can build.',
  invalid_param: 'A parameter has a value the layer does not accept.',
  dangling_edge: 'A connection points at a node that does not exist.',
  bad_port: 'A connection uses a port the layer does not have.',
  cycle: 'The connections form a loop.',
  missing_input: 'A layer has fewer incoming connections than it needs.',
  too_many_inputs: 'A layer has more incoming connections than it accepts.',
  rank_mismatch: 'The incoming tensor has the wrong number of dimensions.',
  shape_mismatch: 'The incoming tensor has a size the layer cannot use.',
  merge_shape_mismatch: 'The tensors joined by a merge layer do not fit together.',
  invalid_shape: 'The layer would produce an empty or negative dimension.',
  no_input: 'The graph has no Input layer.',
  no_output: 'The graph has nothing to output.',
  disconnected: 'A layer is not connected to any Input.',
  unused_node: 'A layer is not on any path to an output.',
  unknown_output: 'The list of outputs names a node that does not exist.',
  invalid_training: 'A training setting is not valid for this model.',
  import_failed: 'The model file could not be read.',
  import_placeholder: 'A layer of the model file was kept as a placeholder.',
  weights_mismatch: 'The weight files do not match the model.',
  unsupported_feature: 'The model uses a feature NetCanvas does not build.',
  import_approximated: 'A part of the model file was imported as a close, not identical, layer.',
  export_unsupported: 'A layer has no form in the chosen export format.',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
export type Severity = 'error' | 'warning' | 'info';

/** One problem, pinned to the node, edge and field at fault, with a hint that says how to fix it. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  hint?: string;
  nodeId?: string;
  edgeId?: string;
  /** Parameter name (dotted for nested ones) or input port the problem is about. */
  field?: string;
}

/** A problem a layer's own rules found; the analyser adds the node id and severity. */
export interface LayerIssue {
  code: DiagnosticCode;
  message: string;
  hint?: string;
  field?: string;
  /** The input port whose tensor is at fault. */
  port?: number;
}

export function isLayerIssue(value: unknown): value is LayerIssue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'code' in value;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
