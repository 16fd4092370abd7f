/**
 * Pure selectors the UI reads the state through. Everything a component draws is derived here from
 * the document, the layer specs and the analysis, never computed inside components.
 */
export {
  type FieldBase,
  type InspectorField,
  inspectorFields,
  type LayerOption,
  labelOf,
  wrappableLayers,
} from './inspector/inspector-fields';
export { issueMessage, validateField } from './inspector/validate-field';
export { type NodePorts, nodePorts } from './node-ports';
export { type GroupView, groupViews, type VisibleGraph, visibleGraph } from './selectors/groups';
export { type EdgeView, edgeDiagnostics, edgeView, type NodeView, nodeDiagnostics, nodeView } from './selectors/node-view';
export { CATEGORY_LABELS, type PaletteGroup, type PaletteItem, paletteGroups } from './selectors/palette';
export { type DiagnosticItem, diagnosticsList, type ModelSummary, type SummaryRow, summaryRows } from './selectors/summary';
