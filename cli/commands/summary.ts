import { analyse } from '../../engine/analysis/analyse';
import { hasErrors } from '../../engine/diagnostics';
import { isGraphModelJson } from '../../engine/graph-model/graph-model-file';
import { EXIT } from '../errors';
import { readModelFile } from '../files';
import { formatSummary, summaryLayers } from '../format';
import { graphModelSummary } from '../graph-model-summary';
import { loadGraph } from '../load-graph';

/**
 * `netcanvas summary FILE [--json]`: the Keras-style table, totals and diagnostics of a graph or model
 * file; for a TF.js graph model (a frozen graph, no layers) its inputs, outputs, operations and weights.
 */
export async function summaryCommand(file: string, options: { json: boolean }): Promise<number> {
  if (!file.startsWith('template:') && /\.json$/i.test(file)) {
    const json = await readModelFile(file);
    if (isGraphModelJson(json)) return graphModelSummary(file, json, options);
  }
  const loaded = await loadGraph(file);
  const analysis = analyse(loaded.doc);
  const diagnostics = [
    ...loaded.diagnostics,
    ...(loaded.doc.nodes.length > 0 || loaded.diagnostics.length === 0 ? analysis.diagnostics : []),
  ];
  const layers = summaryLayers(loaded.doc, analysis);
  if (options.json) {
    const { totals } = analysis;
    process.stdout.write(
      `${JSON.stringify(
        {
          totalParams: totals.params,
          trainableParams: totals.trainableParams,
          nonTrainableParams: totals.nonTrainableParams,
          flops: totals.flops,
          activationBytes: totals.activationBytes,
          complete: totals.complete,
          layers,
          diagnostics,
        },
        null,
        2,
      )}\n`,
    );
  } else {
    process.stdout.write(`${formatSummary(loaded.doc.name ?? file, layers, analysis, diagnostics)}\n`);
  }
  return hasErrors(diagnostics) ? EXIT.modelErrors : EXIT.ok;
}
