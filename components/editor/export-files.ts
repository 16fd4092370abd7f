'use client';

import type { Analysis } from '@/engine/analysis/types';
import type { GraphDoc } from '@/engine/graph/schema';

export type ExportFormat = 'tfjs' | 'keras' | 'ts';

export interface ExportFile {
  name: string;
  type: string;
  data: string | Uint8Array;
}

export const EXPORT_FORMATS: { format: ExportFormat; label: string; files: string }[] = [
  { format: 'tfjs', label: 'TensorFlow.js model', files: 'model.json + weights.bin' },
  { format: 'keras', label: 'Keras Python', files: 'model.py' },
  { format: 'ts', label: 'TensorFlow.js TypeScript', files: 'model.ts' },
];

/**
 * The files of an export. TF.js files are compiled in the browser (freshly initialised weights, for
 * `tf.loadLayersModel`); TF.js is loaded only when needed. The graph must be free of errors.
 */
export async function exportFiles(format: ExportFormat, doc: GraphDoc, analysis: Analysis): Promise<ExportFile[]> {
  if (format === 'keras') {
    const { kerasPython } = await import('@/engine/export/keras-python');
    return [{ name: 'model.py', type: 'text/x-python', data: kerasPython(doc, analysis) }];
  }
  const tf = await import('@tensorflow/tfjs');
  await tf.ready();
  if (format === 'ts') {
    const { tfjsTypescript } = await import('@/engine/export/typescript');
    return [{ name: 'model.ts', type: 'text/typescript', data: tfjsTypescript(tf, doc, analysis) }];
  }
  const [{ compileGraph }, { tfjsArtifacts }] = await Promise.all([
    import('@/engine/compile/compile'),
    import('@/engine/export/tfjs-artifacts'),
  ]);
  const compiled = compileGraph(tf, doc, analysis);
  if (!compiled.ok) throw new Error(compiled.diagnostics[0]?.message ?? 'The model could not be built.');
  try {
    const artifacts = await tfjsArtifacts(tf, compiled.model);
    return [
      { name: 'model.json', type: 'application/json', data: JSON.stringify(artifacts['model.json']) },
      { name: 'weights.bin', type: 'application/octet-stream', data: artifacts['weights.bin'] },
    ];
  } finally {
    compiled.model.dispose();
  }
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
