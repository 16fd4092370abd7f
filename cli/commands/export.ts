import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyse } from '../../engine/analysis/analyse';
import { nodeTf } from '../../engine/backends/node-tf';
import { assignWeights } from '../../engine/compile/assign-weights';
import { compileGraph } from '../../engine/compile/compile';
import { hasErrors } from '../../engine/diagnostics';
import { kerasPython } from '../../engine/export/keras-python';
import { tfjsArtifacts } from '../../engine/export/tfjs-artifacts';
import { tfjsTypescript } from '../../engine/export/typescript';
import { weightBudgetProblem } from '../../engine/export/weight-budget';
import { exportOnnx, onnxExportProblems } from '../../engine/onnx/export/export-onnx';
import { EXIT } from '../errors';
import { formatDiagnostic } from '../format';
import { loadGraph, loadGraphWeights } from '../load-graph';

/**
 * `netcanvas export GRAPH --format tfjs|keras|ts|onnx -o DIR`. Refuses graphs with errors (exit 1),
 * and for ONNX graphs with layers ONNX cannot express, each named.
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
  const written: string[] = [];
  const tf = await nodeTf();
  if (format === 'keras') {
    await writeFile(join(dir, 'model.py'), kerasPython(loaded.doc, analysis));
    written.push('model.py');
  } else if (format === 'ts') {
    await writeFile(join(dir, 'model.ts'), tfjsTypescript(tf, loaded.doc, analysis));
    written.push('model.ts');
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
    if (format === 'onnx') {
      const exported = exportOnnx(loaded.doc, analysis, compiled.model);
      compiled.model.dispose();
      if (!exported.ok) {
        for (const d of exported.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
        return EXIT.modelErrors;
      }
      await writeFile(join(dir, 'model.onnx'), exported.bytes);
      written.push('model.onnx');
    } else {
      const files = await tfjsArtifacts(tf, compiled.model);
      await writeFile(join(dir, 'model.json'), `${JSON.stringify(files['model.json'])}\n`);
      await writeFile(join(dir, 'weights.bin'), files['weights.bin']);
      written.push('model.json', 'weights.bin');
    }
  }
  process.stdout.write(`Wrote ${written.map((f) => join(dir, f)).join(', ')}\n`);
  return EXIT.ok;
}
