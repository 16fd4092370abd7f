import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as tfjs from '@tensorflow/tfjs';
import { analyse } from '../../engine/analysis/analyse';
import type { Analysis } from '../../engine/analysis/types';
import { nodeTf } from '../../engine/backends/node-tf';
import { assignWeights } from '../../engine/compile/assign-weights';
import { compileGraph } from '../../engine/compile/compile';
import { hasErrors } from '../../engine/diagnostics';
import { kerasPython } from '../../engine/export/keras-python';
import { kerasWeightsH5 } from '../../engine/export/keras-weights-h5';
import { kerasVariableGroups } from '../../engine/export/keras-weights-plan';
import type { OnnxRuntime } from '../../engine/export/proof/onnx-runtime';
import type { ExportProof } from '../../engine/export/proof/proof';
import { proveKerasWeights } from '../../engine/export/proof/prove-keras-weights';
import { proveOnnx } from '../../engine/export/proof/prove-onnx';
import { proveTfjs } from '../../engine/export/proof/prove-tfjs';
import { sampleInputs } from '../../engine/export/proof/sample-inputs';
import { tfjsArtifacts } from '../../engine/export/tfjs-artifacts';
import { tfjsTypescript } from '../../engine/export/typescript';
import { weightBudgetProblem } from '../../engine/export/weight-budget';
import type { GraphDoc } from '../../engine/graph/schema';
import { exportOnnx, onnxExportProblems } from '../../engine/onnx/export/export-onnx';
import { EXIT } from '../errors';
import { formatDiagnostic } from '../format';
import { loadGraph, loadGraphWeights } from '../load-graph';

/**
 * `netcanvas export GRAPH --format tfjs|keras|ts|onnx -o DIR`. Refuses graphs with errors (exit 1),
 * and for ONNX graphs with layers ONNX cannot express, each named. The files written are proven
 * (reloaded and compared with the model); the proof's line is printed, and a failed proof exits 1.
 */
export async function exportCommand(
  file: string,
  format: 'tfjs' | 'keras' | 'ts' | 'onnx',
  dir: string,
  options: { weights?: string } = {},
): Promise<number> {
  const loaded = await loadGraph(file);
  const analysis = analyse(loaded.doc);
  const diagnostics = [...loaded.diagnostics, ...analysis.diagnostics];
  if (hasErrors(diagnostics)) {
    for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    process.stderr.write('netcanvas: the graph has errors; fix them before exporting.\n');
    return EXIT.modelErrors;
  }
  if (format === 'onnx') {
    const problems = onnxExportProblems(loaded.doc, analysis);
    if (problems.length > 0) {
      for (const d of problems) process.stderr.write(`${formatDiagnostic(d)}\n`);
      process.stderr.write('netcanvas: these layers have no ONNX form; nothing was written.\n');
      return EXIT.modelErrors;
    }
  }
  const tooLarge = format === 'tfjs' || format === 'onnx' ? weightBudgetProblem(analysis) : undefined;
  if (tooLarge) {
    process.stderr.write(`${formatDiagnostic(tooLarge)}\n`);
    return EXIT.modelErrors;
  }
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  let proof: ExportProof | undefined;
  const tf = await nodeTf();
  const codeOnly = format === 'keras' && weightBudgetProblem(analysis);
  if (codeOnly) {
    // Too large to build with its weights: the code still describes it, without a weights file.
    await writeFile(join(dir, 'model.py'), kerasPython(loaded.doc, analysis));
    files.push('model.py');
    process.stderr.write(`${codeOnly.message} No model.weights.h5 was written.\n`);
  } else if (format === 'ts') {
    await writeFile(join(dir, 'model.ts'), tfjsTypescript(tf, loaded.doc, analysis));
    files.push('model.ts');
  } else {
    const compiled = compileGraph(tf, loaded.doc, analysis);
    if (!compiled.ok) {
      for (const d of compiled.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      return EXIT.modelErrors;
    }
    const { weights } = await loadGraphWeights(tf, file, options.weights);
    if (weights) {
      const assigned = assignWeights(compiled.model, weights);
      for (const d of assigned.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      tf.dispose(Object.values(weights));
    }
    const written = await writeProven(format, dir, loaded.doc, analysis, compiled.model, tf).finally(() => compiled.model.dispose());
    if (!written.ok) return EXIT.modelErrors;
    files.push(...written.files);
    proof = written.proof;
  }
  process.stdout.write(`Wrote ${files.map((f) => join(dir, f)).join(', ')}\n`);
  if (proof) {
    process.stdout.write(`${proof.message}\n`);
    for (const problem of proof.problems) process.stderr.write(`  ${problem}\n`);
    if (proof.status === 'failed') {
      process.stderr.write('netcanvas: the exported files do not reproduce the model; they were left for inspection.\n');
      return EXIT.modelErrors;
    }
  } else if (format === 'ts' || codeOnly) {
    process.stdout.write('Not checked: code only, without weights to reload.\n');
  }
  return EXIT.ok;
}

/**
 * Writes the TF.js, Keras or ONNX files of a compiled model, then proves them (engine/export/proof):
 * TF.js files reloaded with TF.js, an ONNX file run in ONNX Runtime, a Keras weights file read back.
 */
async function writeProven(
  format: 'tfjs' | 'keras' | 'onnx',
  dir: string,
  doc: GraphDoc,
  analysis: Analysis,
  model: tfjs.LayersModel,
  tf: typeof tfjs,
): Promise<{ ok: true; files: string[]; proof: ExportProof } | { ok: false }> {
  if (format === 'keras') {
    const groups = kerasVariableGroups(doc, analysis, model);
    const h5 = await kerasWeightsH5(groups);
    await writeFile(join(dir, 'model.py'), kerasPython(doc, analysis, { weightsFile: 'model.weights.h5' }));
    await writeFile(join(dir, 'model.weights.h5'), h5);
    return { ok: true, files: ['model.py', 'model.weights.h5'], proof: await proveKerasWeights(h5, groups) };
  }
  const inputs = sampleInputs(model);
  if (format === 'onnx') {
    const exported = exportOnnx(doc, analysis, model);
    if (!exported.ok) {
      for (const d of exported.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      return { ok: false };
    }
    await writeFile(join(dir, 'model.onnx'), exported.bytes);
    const ort = (await import('onnxruntime-node')) as unknown as OnnxRuntime;
    return { ok: true, files: ['model.onnx'], proof: await proveOnnx(tf, model, exported.bytes, inputs, ort) };
  }
  const artifacts = await tfjsArtifacts(tf, model);
  const json = `${JSON.stringify(artifacts['model.json'])}\n`;
  await writeFile(join(dir, 'model.json'), json);
  await writeFile(join(dir, 'weights.bin'), artifacts['weights.bin']);
  const proof = await proveTfjs(tf, model, { 'model.json': json, 'weights.bin': artifacts['weights.bin'] }, inputs);
  return { ok: true, files: ['model.json', 'weights.bin'], proof };
}
