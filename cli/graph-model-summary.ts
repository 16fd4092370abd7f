import { basename } from 'node:path';
import { nodeTf } from '../engine/backends/node-tf';
import type { Diagnostic } from '../engine/diagnostics';
import { hasErrors } from '../engine/diagnostics';
import {
  type GraphModelInfo,
  type GraphTensorInfo,
  graphModelJsonSchema,
  readGraphModelInfo,
} from '../engine/graph-model/graph-model-file';
import { shapeText } from '../engine/graph-model/graph-model-input';
import { openGraphModel } from '../engine/graph-model/open-graph-model';
import { EXIT } from './errors';
import { weightReaderFor } from './files';
import { formatDiagnostic } from './format';

const group = (n: number) => n.toLocaleString('en-US');

/**
 * `netcanvas summary` of a TF.js graph model: a frozen graph, so no layer table — its inputs and
 * outputs, how many operations of which types, and its weights. When the weight files are beside
 * model.json the model is loaded and run once with TF.js (wasm), which fills in output shapes the
 * file does not record and proves it runs. Exit 0 when it opens (or its weight files are absent),
 * 1 when it does not.
 */
export async function graphModelSummary(file: string, json: unknown, options: { json: boolean }): Promise<number> {
  const parsed = graphModelJsonSchema.safeParse(json);
  const diagnostics: Diagnostic[] = [];
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    diagnostics.push({
      code: 'import_failed',
      severity: 'error',
      message: `${basename(file)} is a graph model whose ${issue?.path.join('.') || 'contents'} is malformed.`,
    });
    print(file, null, diagnostics, null, options.json);
    return EXIT.modelErrors;
  }
  let info = readGraphModelInfo(parsed.data);
  let backend: string | null = null;
  const read = weightReaderFor(file);
  const paths = parsed.data.weightsManifest.flatMap((g) => g.paths);
  const present = await Promise.all(paths.map(async (p) => (await read(p).catch(() => undefined)) !== undefined));
  if (paths.length > 0 && present.every((p) => !p)) {
    diagnostics.push({
      code: 'weights_mismatch',
      severity: 'info',
      message: `The weight files (${paths.join(', ')}) are not beside ${basename(file)}: the model was not loaded to check that it runs.`,
    });
  } else {
    const tf = await nodeTf();
    const opened = await openGraphModel(tf, parsed.data, read, basename(file));
    if (opened.ok) {
      info = opened.info;
      backend = tf.getBackend();
      opened.model.dispose();
    } else diagnostics.push(...opened.diagnostics);
  }
  print(file, info, diagnostics, backend, options.json);
  return hasErrors(diagnostics) ? EXIT.modelErrors : EXIT.ok;
}

function print(file: string, info: GraphModelInfo | null, diagnostics: Diagnostic[], backend: string | null, json: boolean): void {
  if (json) {
    const facts = info ? { ...info, checkedWith: backend } : {};
    process.stdout.write(`${JSON.stringify({ kind: 'tfjs-graph', frozen: true, ...facts, diagnostics }, null, 2)}\n`);
    return;
  }
  const out = [`Graph model: "${basename(file)}" — a frozen TF.js graph: prediction only, it cannot be edited or fine-tuned.`];
  if (info) {
    if (info.convertedBy || info.generatedBy) out.push(`Made by: ${[info.convertedBy, info.generatedBy].filter(Boolean).join(' · ')}`);
    const width = Math.max(0, ...[...info.inputs, ...info.outputs].map((t) => t.name.length)) + 2;
    out.push('Inputs:', ...tensorLines(info.inputs, width), 'Outputs:', ...tensorLines(info.outputs, width));
    out.push(`Operations: ${group(info.operations)} (${info.opTypes.length} types)`);
    out.push(...wrap(info.opTypes.map((t) => `${t.op} ×${t.count}`)));
    const files = info.shards.flatMap((s) => s.paths).join(', ');
    out.push(
      `Weights: ${group(info.weights.tensors)} tensors, ${group(info.weights.values)} values, ${group(info.weights.bytes)} bytes${files ? ` in ${files}` : ''}`,
    );
    if (backend) out.push(`Checked: loaded and run once with TF.js (${backend}).`);
  }
  out.push(
    'To predict with it and look at its activations, open it in NetCanvas: Open a graph model (/models/open).',
    'To edit or fine-tune it, convert the original Keras model with tensorflowjs_converter --output_format tfjs_layers_model.',
  );
  if (diagnostics.length > 0) {
    out.push('', `Diagnostics (${diagnostics.length}):`);
    for (const d of diagnostics) out.push(formatDiagnostic(d));
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

function tensorLines(tensors: GraphTensorInfo[], width: number): string[] {
  return tensors.map((t) => `  ${t.name.padEnd(width)}${shapeText(t.shape).padEnd(20)}${t.dtype}`);
}

/** Items joined by commas, in lines of about 100 characters. */
function wrap(items: string[]): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line && line.length + item.length > 96) {
      lines.push(`  ${line},`);
      line = item;
    } else line = line ? `${line}, ${item}` : item;
  }
  if (line) lines.push(`  ${line}`);
  return lines;
}
