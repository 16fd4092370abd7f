import { analyse } from '../analysis/analyse';
import { importCaffe } from '../caffe/import-caffe';
import { compileGraph } from '../compile/compile';
import { inputHandle } from '../graph/ports';
import { GRAPH_FORMAT, GRAPH_VERSION, type GraphDoc } from '../graph/schema';
import { allLayerSpecs } from '../layers/registry';
import type { AnyLayerSpec, Tf } from '../layers/spec';
import { exportOnnx, onnxExportProblems } from '../onnx/export/export-onnx';
import { LAYER_EXPORTERS } from '../onnx/export/layer-exporters';
import { importOnnx } from '../onnx/import/import-onnx';

/**
 * What NetCanvas can do with each layer type in each format, worked out by running the importers
 * and exporters, not written by hand: a one-layer design of each type is exported to ONNX and read
 * back, a one-layer Caffe net of each Caffe type is imported and the layers it became are recorded.
 */

export const SUPPORT_COLUMNS = [
  'TF.js import',
  'Keras import',
  'ONNX import',
  'Caffe import',
  'TF.js export',
  'Keras code',
  'ONNX export',
] as const;
export type SupportColumn = (typeof SUPPORT_COLUMNS)[number];

export interface SupportRow {
  type: string;
  label: string;
  cells: Record<SupportColumn, string>;
}

/** One-layer Caffe nets: the input is a 1×3×8×8 image; each type with the settings it needs. */
const CAFFE_SAMPLES: Record<string, string> = {
  Convolution: 'convolution_param { num_output: 4 kernel_size: 3 }',
  Deconvolution: 'convolution_param { num_output: 4 kernel_size: 2 stride: 2 }',
  'Pooling MAX': 'pooling_param { pool: MAX kernel_size: 2 stride: 2 }',
  'Pooling AVE': 'pooling_param { pool: AVE kernel_size: 2 stride: 2 }',
  'Pooling global': 'pooling_param { pool: AVE global_pooling: true }',
  InnerProduct: 'inner_product_param { num_output: 4 }',
  ReLU: '',
  Sigmoid: '',
  TanH: '',
  ELU: '',
  PReLU: '',
  Softmax: '',
  Dropout: '',
  LRN: 'lrn_param { local_size: 5 }',
  BatchNorm: '',
  Flatten: '',
};

function caffeNet(type: string, params: string): string {
  return [
    'name: "sample"',
    'layer { name: "data" type: "Input" top: "data" input_param { shape: { dim: 1 dim: 3 dim: 8 dim: 8 } } }',
    `layer { name: "sample" type: "${type}" bottom: "data" top: "sample" ${params} }`,
  ].join('\n');
}

/** Which layer types each Caffe layer type becomes, by importing a one-layer net of it. */
function caffeSources(): Map<string, string[]> {
  const sources = new Map<string, string[]>();
  for (const [name, params] of Object.entries(CAFFE_SAMPLES)) {
    const caffeType = name.split(' ')[0] as string;
    const imported = importCaffe(caffeNet(caffeType, params));
    for (const node of imported.doc?.nodes ?? []) {
      if (node.type === 'input' || node.type === 'unsupported') continue;
      const list = sources.get(node.type) ?? [];
      if (!list.includes(caffeType)) list.push(caffeType);
      sources.set(node.type, list);
    }
  }
  return sources;
}

/** A sample input shape (without the batch) for a layer's first port. */
function sampleShape(spec: AnyLayerSpec): (number | null)[] {
  const rank = spec.inputs.minRank ?? 2;
  return rank <= 2 ? [8] : rank === 3 ? [6, 4] : rank === 4 ? [8, 8, 3] : [4, 8, 8, 3];
}

/** A design of one Input and one layer of this type with its default settings (merge layers take the input twice). */
function oneLayerDesign(spec: AnyLayerSpec): GraphDoc {
  const dtype = spec.type === 'embedding' ? 'int32' : 'float32';
  const ports = Math.max(1, spec.inputs.min);
  return {
    format: GRAPH_FORMAT,
    version: GRAPH_VERSION,
    nodes: [
      { id: 'x', type: 'input', params: { shape: sampleShape(spec), dtype }, position: { x: 0, y: 0 } },
      { id: 'layer', type: spec.type, params: {}, position: { x: 0, y: 100 } },
    ],
    edges: Array.from({ length: ports }, (_, k) => ({
      id: `e${k}`,
      source: 'x',
      target: 'layer',
      ...(ports > 1 ? { targetHandle: inputHandle(k) } : {}),
    })),
  };
}

/** What a one-layer design of this type becomes after an ONNX export and import, in words. */
function onnxRoundTrip(tf: Tf, spec: AnyLayerSpec): { exported: string; imported: string } {
  if (!LAYER_EXPORTERS[spec.type]) return { exported: '—', imported: '—' };
  const doc = oneLayerDesign(spec);
  const analysis = analyse(doc);
  if (analysis.diagnostics.some((d) => d.severity === 'error') || onnxExportProblems(doc, analysis).length > 0)
    return { exported: 'some settings', imported: '—' };
  const compiled = compileGraph(tf, doc, analysis);
  if (!compiled.ok) return { exported: 'some settings', imported: '—' };
  try {
    const exported = exportOnnx(doc, analysis, compiled.model);
    if (!exported.ok) return { exported: 'some settings', imported: '—' };
    const back = importOnnx(exported.bytes).doc?.nodes.filter((n) => n.type !== 'input') ?? [];
    const types = [...new Set(back.map((n) => n.type))];
    const imported = types.includes(spec.type)
      ? 'yes'
      : types.length === 0
        ? 'removed (no-op in inference)'
        : types.includes('unsupported')
          ? 'placeholder'
          : `as ${types.join(' + ')}`;
    return { exported: 'yes', imported };
  } finally {
    compiled.model.dispose();
  }
}

/**
 * The support matrix: one row per layer type of the registry (placeholders left out), one cell per
 * format. Builds small TF.js models, so it takes `tf`.
 *
 * @example
 * const rows = supportMatrix(tf);
 * rows.find((r) => r.type === 'conv2d')?.cells['ONNX import'] // 'yes'
 */
export function supportMatrix(tf: Tf): SupportRow[] {
  const caffe = caffeSources();
  const rows: SupportRow[] = [];
  for (const spec of allLayerSpecs()) {
    if (spec.category === 'placeholder') continue;
    const input = spec.type === 'input';
    const onnx = input ? { exported: 'yes', imported: 'yes' } : onnxRoundTrip(tf, spec);
    rows.push({
      type: spec.type,
      label: spec.label,
      cells: {
        'TF.js import': 'yes',
        'Keras import': 'yes',
        'ONNX import': onnx.imported,
        'Caffe import': input ? 'yes' : (caffe.get(spec.type)?.join(', ') ?? '—'),
        'TF.js export': 'yes',
        'Keras code': 'yes',
        'ONNX export': onnx.exported,
      },
    });
  }
  return rows;
}

/** The matrix as a Markdown table. */
export function supportMatrixMarkdown(rows: readonly SupportRow[]): string {
  const header = `| Layer | ${SUPPORT_COLUMNS.join(' | ')} |`;
  const rule = `|---|${SUPPORT_COLUMNS.map(() => '---').join('|')}|`;
  const body = rows.map((r) => `| ${r.label} (\`${r.type}\`) | ${SUPPORT_COLUMNS.map((c) => r.cells[c]).join(' | ')} |`);
  return [header, rule, ...body].join('\n');
}
