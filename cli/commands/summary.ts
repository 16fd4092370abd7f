import { analyse } from '../../engine/analysis/analyse';
import { hasErrors } from '../../engine/diagnostics';
import { EXIT } from '../errors';
import { formatSummary, summaryLayers } from '../format';
import { loadGraph } from '../load-graph';

/** `netcanvas summary FILE [--json]`: the Keras-style table, totals and diagnostics of a graph or model file. */
export async function summaryCommand(file: string, options: { json: boolean }): Promise<number> {
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
