'use client';

import type * as tfjs from '@tensorflow/tfjs';
import type { Analysis } from '@/engine/analysis/types';
import type { GraphDoc } from '@/engine/graph/schema';

export type ExportFormat = 'tfjs' | 'keras' | 'ts' | 'onnx';

export interface ExportFile {
  name: string;
  type: string;
  data: string | Uint8Array;
}

export const EXPORT_FORMATS: { format: ExportFormat; label: string; files: string }[] = [
  { format: 'tfjs', label: 'TensorFlow.js model', files: 'model.json + weights.bin' },
  { format: 'keras', label: 'Keras Python', files: 'model.py' },
  { format: 'ts', label: 'TensorFlow.js TypeScript', files: 'model.ts' },
  { format: 'onnx', label: 'ONNX', files: 'model.onnx (opset 17)' },
];

/**
 * The files of an export. TF.js files are compiled in the browser (freshly initialised weights, for
 * `tf.loadLayersModel`); an ONNX file too, carrying `weights` (an imported model's) when they still
 * fit the design. TF.js is loaded only when needed. The graph must be free of errors; for ONNX, every
 * layer must have an ONNX form (the error names the ones that do not).
 */
export async function exportFiles(
  format: ExportFormat,
  doc: GraphDoc,
  analysis: Analysis,
  weights?: tfjs.NamedTensorMap,
): Promise<{ files: ExportFile[]; note?: string }> {
  if (format === 'keras') {
    const { kerasPython } = await import('@/engine/export/keras-python');
    return { files: [{ name: 'model.py', type: 'text/x-python', data: kerasPython(doc, analysis) }] };
  }
  if (format === 'onnx') {
    const { onnxExportProblems } = await import('@/engine/onnx/export/export-onnx');
    const problems = onnxExportProblems(doc, analysis);
    if (problems.length > 0) throw new Error(problems.map((p) => p.message).join(' '));
  }
  const tf = await import('@tensorflow/tfjs');
  await tf.ready();
  if (format === 'ts') {
    const { tfjsTypescript } = await import('@/engine/export/typescript');
    return { files: [{ name: 'model.ts', type: 'text/typescript', data: tfjsTypescript(tf, doc, analysis) }] };
  }
  const [{ compileGraph }, { tfjsArtifacts }] = await Promise.all([
    import('@/engine/compile/compile'),
    import('@/engine/export/tfjs-artifacts'),
  ]);
  const compiled = compileGraph(tf, doc, analysis);
  if (!compiled.ok) throw new Error(compiled.diagnostics[0]?.message ?? 'The model could not be built.');
  try {
    if (format === 'onnx') return await onnxFile(doc, analysis, compiled.model, weights);
    const artifacts = await tfjsArtifacts(tf, compiled.model);
    return {
      files: [
        { name: 'model.json', type: 'application/json', data: JSON.stringify(artifacts['model.json']) },
        { name: 'weights.bin', type: 'application/octet-stream', data: artifacts['weights.bin'] },
      ],
    };
  } finally {
    compiled.model.dispose();
  }
}

/** The ONNX file of a compiled design, with the given weights when they fit it. */
async function onnxFile(doc: GraphDoc, analysis: Analysis, model: tfjs.LayersModel, weights?: tfjs.NamedTensorMap) {
  const [{ assignWeights }, { exportOnnx }] = await Promise.all([
    import('@/engine/compile/assign-weights'),
    import('@/engine/onnx/export/export-onnx'),
  ]);
  let note: string | undefined;
  if (weights) {
    const assigned = assignWeights(model, weights);
    note = assigned.ok ? 'with the imported weights' : 'with initialised weights: the imported ones no longer fit the design';
  }
  const exported = exportOnnx(doc, analysis, model);
  if (!exported.ok) throw new Error(exported.diagnostics.map((d) => d.message).join(' '));
  return { files: [{ name: 'model.onnx', type: 'application/octet-stream', data: exported.bytes }], ...(note ? { note } : {}) };
}

/** Hands a file to the browser's downloads. */
export function download(file: ExportFile): void {
  const blob = new Blob([file.data as BlobPart], { type: file.type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
