'use client';

import type * as tfjs from '@tensorflow/tfjs';
import type { Analysis } from '@/engine/analysis/types';
import type { ExportProof } from '@/engine/export/proof/proof';
import type { GraphDoc } from '@/engine/graph/schema';
import type { PackedWeights } from '@/engine/train/packed-weights';

export type ExportFormat = 'tfjs' | 'keras' | 'ts' | 'onnx';

export interface ExportFile {
  name: string;
  type: string;
  data: string | Uint8Array;
}

/**
 * An export's files, what weights they carry (`note`) and, for formats with weights, the proof:
 * the files reloaded in the runtime that reads them and compared with the model they came from.
 */
export interface ExportResult {
  files: ExportFile[];
  note?: string;
  proof?: ExportProof;
}

export const EXPORT_FORMATS: { format: ExportFormat; label: string; files: string }[] = [
  { format: 'tfjs', label: 'TensorFlow.js model', files: 'model.json + weights.bin' },
  { format: 'keras', label: 'Keras Python', files: 'model.py + model.weights.h5' },
  { format: 'ts', label: 'TensorFlow.js TypeScript', files: 'model.ts' },
  { format: 'onnx', label: 'ONNX', files: 'model.onnx (opset 17)' },
];

/**
 * The files of an export. TF.js files are compiled in the browser for `tf.loadLayersModel`, with the
 * design's `stored` weights loaded by node id where they fit (initialised ones elsewhere); Keras
 * Python with its weights file and an ONNX file carry `weights` (an imported model's) when they still
 * fit the design, else the `stored` ones. TF.js is loaded only when needed. The graph must be free of errors; for ONNX, every
 * layer must have an ONNX form (the error names the ones that do not). TF.js, ONNX and Keras files
 * come with their proof (engine/export/proof), made before anything is offered for download.
 */
export async function exportFiles(
  format: ExportFormat,
  doc: GraphDoc,
  analysis: Analysis,
  weights?: tfjs.NamedTensorMap,
  stored?: PackedWeights | null,
): Promise<ExportResult> {
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
  if (format === 'tfjs') {
    const [{ tfjsWithWeights }, { describeLoadPlan }] = await Promise.all([
      import('@/engine/export/tfjs-with-weights'),
      import('@/engine/train/load-plan'),
    ]);
    const out = await tfjsWithWeights(tf, doc, stored ?? null, analysis, { prove: true });
    if (!out.ok) throw new Error(out.diagnostics[0]?.message ?? 'The model could not be built.');
    const { artifacts, plan, proof } = out;
    return {
      files: [
        { name: 'model.json', type: 'application/json', data: JSON.stringify(artifacts['model.json']) },
        { name: 'weights.bin', type: 'application/octet-stream', data: artifacts['weights.bin'] },
      ],
      ...(plan ? { note: `with the stored weights (${describeLoadPlan(plan)})` } : {}),
      ...(proof ? { proof } : {}),
    };
  }
  const { compileGraph } = await import('@/engine/compile/compile');
  const compiled = compileGraph(tf, doc, analysis);
  if (!compiled.ok) throw new Error(compiled.diagnostics[0]?.message ?? 'The model could not be built.');
  try {
    const storedNote = !weights && stored ? await loadStored(tf, compiled.model, compiled.layerNames, stored) : undefined;
    if (format === 'keras') return await kerasFiles(doc, analysis, compiled.model, weights, storedNote);
    return await onnxFile(tf, doc, analysis, compiled.model, weights, storedNote);
  } finally {
    compiled.model.dispose();
  }
}

/** Loads a design's stored weights (a run's, say) into its compiled model by node id; says how it went. */
async function loadStored(
  tf: typeof tfjs,
  model: tfjs.LayersModel,
  layerNames: Map<string, string>,
  stored: PackedWeights,
): Promise<string> {
  const [{ unpackWeights }, { loadWeightsByNode }, { describeLoadPlan }] = await Promise.all([
    import('@/engine/train/packed-weights'),
    import('@/engine/train/node-weights'),
    import('@/engine/train/load-plan'),
  ]);
  const saved = unpackWeights(tf, stored);
  try {
    return `with the stored weights (${describeLoadPlan(loadWeightsByNode(model, layerNames, saved, 'matching'))})`;
  } finally {
    tf.dispose(Object.values(saved.tensors));
  }
}

/**
 * Keras Python and the Keras 3 weights file it loads: the given weights where they fit the design,
 * else the stored ones already loaded (`storedNote`), else the compiled model's freshly initialised
 * ones (the note says which).
 */
async function kerasFiles(
  doc: GraphDoc,
  analysis: Analysis,
  model: tfjs.LayersModel,
  weights?: tfjs.NamedTensorMap,
  storedNote?: string,
): Promise<ExportResult> {
  const [{ assignWeights }, { kerasPython }, { kerasVariableGroups }, { kerasWeightsH5 }, { proveKerasWeights }] = await Promise.all([
    import('@/engine/compile/assign-weights'),
    import('@/engine/export/keras-python'),
    import('@/engine/export/keras-weights-plan'),
    import('@/engine/export/keras-weights-h5'),
    import('@/engine/export/proof/prove-keras-weights'),
  ]);
  const fits = weights ? assignWeights(model, weights).ok : false;
  const note = weights
    ? fits
      ? 'with the imported weights'
      : 'with initialised weights: the imported ones no longer fit the design'
    : (storedNote ?? 'with initialised weights');
  const groups = kerasVariableGroups(doc, analysis, model);
  const h5 = await kerasWeightsH5(groups);
  return {
    files: [
      { name: 'model.py', type: 'text/x-python', data: kerasPython(doc, analysis, { weightsFile: 'model.weights.h5' }) },
      { name: 'model.weights.h5', type: 'application/x-hdf5', data: h5 },
    ],
    note,
    proof: await proveKerasWeights(h5, groups),
  };
}

/** The ONNX file of a compiled design, with the given weights when they fit it, run in ONNX Runtime Web. */
async function onnxFile(
  tf: typeof tfjs,
  doc: GraphDoc,
  analysis: Analysis,
  model: tfjs.LayersModel,
  weights?: tfjs.NamedTensorMap,
  storedNote?: string,
): Promise<ExportResult> {
  const [{ assignWeights }, { exportOnnx }, { proveOnnx }, { sampleInputs }, { onnxRuntimeWeb }] = await Promise.all([
    import('@/engine/compile/assign-weights'),
    import('@/engine/onnx/export/export-onnx'),
    import('@/engine/export/proof/prove-onnx'),
    import('@/engine/export/proof/sample-inputs'),
    import('./onnx-runtime-web'),
  ]);
  let note = storedNote;
  if (weights) {
    const assigned = assignWeights(model, weights);
    note = assigned.ok ? 'with the imported weights' : 'with initialised weights: the imported ones no longer fit the design';
  }
  const exported = exportOnnx(doc, analysis, model);
  if (!exported.ok) throw new Error(exported.diagnostics.map((d) => d.message).join(' '));
  const proof = await proveOnnx(tf, model, exported.bytes, sampleInputs(model), await onnxRuntimeWeb());
  return { files: [{ name: 'model.onnx', type: 'application/octet-stream', data: exported.bytes }], ...(note ? { note } : {}), proof };
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
