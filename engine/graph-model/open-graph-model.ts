import type * as tfjs from '@tensorflow/tfjs';
import type { Diagnostic } from '../diagnostics';
import { parseModelJson } from '../import/model-text';
import type { ReadWeightFile } from '../import/weights';
import type { Tf } from '../layers/spec';
import { graphModelProblem } from './graph-model-errors';
import { type GraphModelInfo, type GraphModelJson, graphModelJsonSchema, isGraphModelJson, readGraphModelInfo } from './graph-model-file';
import { activationNodes, type GraphNodeInfo } from './graph-model-nodes';
import { executeNodes, zeroInputs } from './graph-model-run';

export type OpenedGraphModel =
  | { ok: true; model: tfjs.GraphModel; json: GraphModelJson; info: GraphModelInfo; nodes: GraphNodeInfo[] }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Opens a TF.js graph model for prediction: reads its model.json (text or parsed), checks that every
 * weight file the manifest names is there and of the size it needs (naming the file that is not),
 * loads it with `tf.loadGraphModel` from memory, and runs it once on zeros so that an operation
 * TF.js lacks is found now rather than at the first prediction. The output shapes that run yields
 * fill in those the file does not record. The caller owns (disposes) the model. Never throws.
 *
 * @example
 * const opened = await openGraphModel(tf, text, async (path) => files.get(path), 'emotion.json');
 * if (opened.ok) console.log(opened.info.outputs); // [{ name: 'Identity', shape: [null, 7], dtype: 'float32' }]
 */
export async function openGraphModel(tf: Tf, input: unknown, readFile: ReadWeightFile, fileName = 'model.json'): Promise<OpenedGraphModel> {
  const read = readJson(input, fileName);
  if (!read.ok) return read;
  const { json } = read;
  const info = readGraphModelInfo(json);
  const weights = await readShards(json, readFile, fileName);
  if (!weights.ok) return weights;
  let model: tfjs.GraphModel;
  try {
    model = await tf.loadGraphModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology as unknown as tfjs.io.ModelArtifacts['modelTopology'],
        weightSpecs: json.weightsManifest.flatMap((g) => g.weights) as tfjs.io.WeightsManifestEntry[],
        weightData: weights.data.buffer as ArrayBuffer,
        format: 'graph-model',
        ...(json.generatedBy ? { generatedBy: json.generatedBy } : {}),
        ...(json.convertedBy ? { convertedBy: json.convertedBy } : {}),
        ...(json.signature ? { signature: json.signature } : {}),
        ...(json.userDefinedMetadata ? { userDefinedMetadata: json.userDefinedMetadata } : {}),
      }),
    );
  } catch (error) {
    return { ok: false, diagnostics: [graphModelProblem(error, json)] };
  }
  try {
    const shapes = await dryRun(tf, model, info);
    info.outputs = info.outputs.map((o, i) => (o.shape ? o : { ...o, shape: shapes[i] ?? null }));
  } catch (error) {
    model.dispose();
    return { ok: false, diagnostics: [graphModelProblem(error, json)] };
  }
  return { ok: true, model, json, info, nodes: activationNodes(json) };
}

const failure = (message: string, hint?: string, code: Diagnostic['code'] = 'import_failed'): { ok: false; diagnostics: Diagnostic[] } => ({
  ok: false,
  diagnostics: [{ code, severity: 'error', message, ...(hint ? { hint } : {}) }],
});

function readJson(input: unknown, fileName: string): { ok: true; json: GraphModelJson } | { ok: false; diagnostics: Diagnostic[] } {
  let value = input;
  if (typeof input === 'string') {
    const parsed = parseModelJson(input);
    if (!parsed.ok) return failure(`${fileName}: ${parsed.message}`, parsed.hint);
    value = parsed.value;
  }
  if (!isGraphModelJson(value)) {
    const layers = typeof value === 'object' && value !== null && 'modelTopology' in value;
    return layers
      ? failure(
          `${fileName} is a TensorFlow.js layers model, not a graph model.`,
          'Layers models open as editable diagrams: use Import in the editor (or netcanvas import) instead.',
        )
      : failure(`${fileName} is not a TensorFlow.js graph model (a model.json with format "graph-model").`);
  }
  const parsed = graphModelJsonSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failure(`${fileName} is a graph model whose ${issue?.path.join('.') || 'contents'} is malformed.`);
  }
  return { ok: true, json: parsed.data };
}

/** The weight files concatenated in manifest order, as TF.js expects them; each checked for presence and size. */
async function readShards(
  json: GraphModelJson,
  readFile: ReadWeightFile,
  fileName: string,
): Promise<{ ok: true; data: Uint8Array } | { ok: false; diagnostics: Diagnostic[] }> {
  const info = readGraphModelInfo(json);
  const parts: Uint8Array[] = [];
  for (const [g, group] of json.weightsManifest.entries()) {
    const groupParts: Uint8Array[] = [];
    for (const path of group.paths) {
      let data: Uint8Array | ArrayBuffer | undefined;
      try {
        data = await readFile(path);
      } catch (error) {
        return failure(
          `The weight file ${path} named in ${fileName} cannot be read: ${error instanceof Error ? error.message : String(error)}.`,
          undefined,
          'weights_mismatch',
        );
      }
      if (!data)
        return failure(
          `The weight file ${path} named in ${fileName} is missing.`,
          `Choose it together with ${fileName} (all of: ${json.weightsManifest.flatMap((x) => x.paths).join(', ')}).`,
          'weights_mismatch',
        );
      groupParts.push(data instanceof Uint8Array ? data : new Uint8Array(data));
    }
    const held = groupParts.reduce((n, p) => n + p.byteLength, 0);
    const needed = info.shards[g]?.bytes ?? 0;
    // Strings have no fixed size in the files: a group holding one is checked by TF.js as it decodes.
    const exact = group.weights.every((w) => w.dtype !== 'string');
    if (exact && held !== needed) {
      const files = group.paths.length === 1 ? `${group.paths[0]} holds` : `${group.paths.join(', ')} hold together`;
      return failure(
        `The weight file${group.paths.length === 1 ? '' : 's'} ${files} ${held.toLocaleString('en-US')} bytes, but ${fileName} needs ${needed.toLocaleString('en-US')}.`,
        held < needed ? 'The file is truncated, or belongs to another model.' : 'The file belongs to another model.',
        'weights_mismatch',
      );
    }
    parts.push(...groupParts);
  }
  const data = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    data.set(part, offset);
    offset += part.byteLength;
  }
  return { ok: true, data };
}

/** The output shapes of one run on zeros (open sizes taken as 1); the run itself proves the ops are there. */
async function dryRun(tf: Tf, model: tfjs.GraphModel, info: GraphModelInfo): Promise<(number | null)[][]> {
  const inputs = zeroInputs(tf, info);
  try {
    const list = await executeNodes(
      model,
      inputs,
      info.outputs.map((o) => o.name),
    );
    const shapes = list.map((t) => t.shape.map((d, i) => (i === 0 && info.inputs[0]?.shape?.[0] === null ? null : d)));
    tf.dispose(list);
    return shapes;
  } finally {
    tf.dispose(Object.values(inputs));
  }
}
