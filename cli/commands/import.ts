import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import ELK from 'elkjs/lib/elk.bundled.js';
import { analyse } from '../../engine/analysis/analyse';
import { nodeTf } from '../../engine/backends/node-tf';
import { assignWeights } from '../../engine/compile/assign-weights';
import { compileGraph } from '../../engine/compile/compile';
import { hasErrors } from '../../engine/diagnostics';
import { weightBudgetProblem } from '../../engine/export/weight-budget';
import { encodeWeightsFile } from '../../engine/export/weights-file';
import { importModel } from '../../engine/import/import-model';
import { type ImportReport, importReport, reportLines } from '../../engine/import/import-report';
import { EXIT } from '../errors';
import { caffemodelFor, readModelFile, weightReaderFor } from '../files';
import { formatDiagnostic } from '../format';
import { refuseUnreadable, weightsPathFor } from '../load-graph';

/**
 * `netcanvas import MODEL -o graph.json`: a model file (TF.js model.json, Keras JSON or .h5, ONNX,
 * Caffe .prototxt) becomes a laid-out graph; its weights, when the files are there (inside the .h5 or
 * .onnx file, or the .caffemodel beside the prototxt or given with --weights) and fit the graph, are
 * written beside it as graph.weights.json + .bin.
 */
export async function importCommand(file: string, output: string, options: { json: boolean; weights?: string }): Promise<number> {
  const input = await readModelFile(file);
  const tf = await nodeTf();
  const caffemodel = typeof input === 'string' ? await caffemodelFor(file, options.weights) : undefined;
  const imported = await importModel(tf, input, { readFile: weightReaderFor(file), elk: new ELK(), ...(caffemodel ? { caffemodel } : {}) });
  refuseUnreadable(file, imported);
  const diagnostics = [...imported.diagnostics];
  if (!imported.doc) {
    report(diagnostics, options.json, { imported: false });
    return EXIT.modelErrors;
  }
  const analysis = analyse(imported.doc);
  diagnostics.push(...analysis.diagnostics);
  await mkdir(dirname(output), { recursive: true });
  await writeFile(output, `${JSON.stringify(imported.doc, null, 2)}\n`);
  let weightsWritten = false;
  const tooLarge = imported.weights ? weightBudgetProblem(analysis) : undefined;
  if (tooLarge) diagnostics.push(tooLarge);
  if (imported.weights && !tooLarge) {
    const compiled = compileGraph(tf, imported.doc, analysis);
    if (compiled.ok) {
      const assigned = assignWeights(compiled.model, imported.weights);
      diagnostics.push(...assigned.diagnostics);
      if (assigned.ok) {
        const sidecar = weightsPathFor(output);
        const bin = `${basename(sidecar, '.json')}.bin`;
        const encoded = await encodeWeightsFile(tf, imported.weights, bin);
        await writeFile(sidecar, `${JSON.stringify(encoded.json, null, 2)}\n`);
        await writeFile(`${dirname(sidecar)}/${bin}`, encoded.data);
        weightsWritten = true;
      }
      compiled.model.dispose();
    }
    tf.dispose(Object.values(imported.weights));
  }
  if (imported.weights && tooLarge) tf.dispose(Object.values(imported.weights));
  report(diagnostics, options.json, {
    imported: true,
    report: importReport(imported.doc, imported.diagnostics, imported.notes),
    output,
    layers: imported.doc.nodes.length,
    totalParams: analysis.totals.params,
    weights: weightsWritten,
  });
  return hasErrors(diagnostics) ? EXIT.modelErrors : EXIT.ok;
}

function report(diagnostics: ReturnType<typeof analyse>['diagnostics'], json: boolean, facts: Record<string, unknown>): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ ...facts, diagnostics }, null, 2)}\n`);
    return;
  }
  if (facts.imported) {
    process.stdout.write(
      `Imported ${facts.layers} layers (${Number(facts.totalParams).toLocaleString('en-US')} params) into ${facts.output}${facts.weights ? ', with weights' : ''}.\n`,
    );
    for (const line of reportLines(facts.report as ImportReport)) process.stdout.write(`${line}\n`);
  }
  for (const d of diagnostics) process.stdout.write(`${formatDiagnostic(d)}\n`);
}
