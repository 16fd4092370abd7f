/// <reference lib="webworker" />
/**
 * The graph model page's TF.js work, off the main thread like the Inside tab's (inside.worker.ts):
 * reads the chosen files (nothing leaves the browser), opens the graph model, keeps the current
 * input, and runs predictions and single nodes' activations on it. Every tensor it makes is
 * disposed; only the model and the current input live between messages.
 */
import * as tf from '@tensorflow/tfjs';
import { setUpWasm } from '@/components/training/browser-wasm';
import type { Diagnostic } from '@/engine/diagnostics';
import { graphModelProblem } from '@/engine/graph-model/graph-model-errors';
import { isGraphModelJson } from '@/engine/graph-model/graph-model-file';
import { imageInputSize, pictureInput, valuesInput } from '@/engine/graph-model/graph-model-input';
import { runGraphModel } from '@/engine/graph-model/graph-model-run';
import { type OpenedGraphModel, openGraphModel } from '@/engine/graph-model/open-graph-model';
import { parseModelJson } from '@/engine/import/model-text';
import { type LayerOutput, range } from '@/engine/inspect/layer-outputs';
import { baseName, modelFileCandidates } from './graph-model-files';
import type { FromGraphModelWorker, GraphModelInput, ToGraphModelWorker } from './graph-model-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromGraphModelWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
let current: Extract<OpenedGraphModel, { ok: true }> | null = null;
let input: tf.Tensor | null = null;

scope.onmessage = (event: MessageEvent<ToGraphModelWorker>) => {
  const m = event.data;
  if (m.type === 'open') void open(m.files, m.wasmPath).catch((e: unknown) => fail('open', undefined, graphModelProblem(e)));
  else if (m.type === 'predict') void predict(m.id, m.input).catch((e: unknown) => fail('predict', m.id, problem(e)));
  else if (m.type === 'activation') void activation(m.id, m.node).catch((e: unknown) => fail('activation', m.id, problem(e)));
};

function fail(stage: 'open' | 'predict' | 'activation', id: number | undefined, d: Pick<Diagnostic, 'message' | 'hint'>): void {
  post({ type: 'error', stage, ...(id !== undefined ? { id } : {}), message: d.message, ...(d.hint ? { hint: d.hint } : {}) });
}

/** Our own range errors (a wrong count of numbers) are already words; TF.js's are translated. */
function problem(error: unknown): Pick<Diagnostic, 'message' | 'hint'> {
  return error instanceof RangeError ? { message: error.message } : graphModelProblem(error, current?.json);
}

async function open(files: File[], wasmPath: string): Promise<void> {
  setUpWasm(wasmPath);
  // wasm runs one input fastest here; cpu is the fallback that always starts and has every kernel.
  if (!(await tf.setBackend('wasm').catch(() => false))) await tf.setBackend('cpu');
  await tf.ready();
  current?.model.dispose();
  current = null;
  input?.dispose();
  input = null;
  const { candidates, others } = modelFileCandidates(files);
  if (candidates.length === 0)
    return fail('open', undefined, { message: 'Choose the model.json of a graph model together with its .bin weight files.' });
  const byName = new Map(others.map((f) => [baseName(f.name), f]));
  const readFile = async (path: string) => {
    const file = byName.get(baseName(path));
    return file ? new Uint8Array(await file.arrayBuffer()) : undefined;
  };
  // The first chosen JSON file that is a graph model; failing that, the first one's reason.
  let chosen: { file: File; text: string } | undefined;
  for (const file of candidates) {
    const text = await file.text();
    const parsed = parseModelJson(text);
    if (parsed.ok && isGraphModelJson(parsed.value)) {
      chosen = { file, text };
      break;
    }
  }
  const first = candidates[0] as File;
  const target = chosen ?? { file: first, text: await first.text() };
  const name = baseName(target.file.name);
  let opened = await openGraphModel(tf, target.text, readFile, name);
  if (!opened.ok && opened.diagnostics[0]?.code === 'unsupported_feature' && tf.getBackend() !== 'cpu') {
    // A kernel the wasm backend lacks may be in cpu's.
    await tf.setBackend('cpu');
    opened = await openGraphModel(tf, target.text, readFile, name);
  }
  if (!opened.ok) return fail('open', undefined, opened.diagnostics[0] ?? { message: `${name} could not be opened.` });
  current = opened;
  post({ type: 'opened', fileName: name, backend: tf.getBackend(), info: opened.info, nodes: opened.nodes });
}

async function predict(id: number, given: GraphModelInput): Promise<void> {
  if (!current) return fail('predict', id, { message: 'Choose a graph model first.' });
  const first = current.info.inputs[0];
  if (!first) return fail('predict', id, { message: 'The model has no inputs.' });
  const x = given.kind === 'picture' ? pictureInput(tf, given.picture, first, given.scaling) : valuesInput(tf, given.values, first);
  input?.dispose();
  input = x;
  const started = performance.now();
  const outputs = await runGraphModel(tf, current.model, current.info, x);
  const shown = await asShown(x, given.kind === 'picture' && imageInputSize(first) !== null);
  post(
    { type: 'predicted', id, input: shown, outputs, ms: performance.now() - started },
    [shown, ...outputs].map((o) => o.values.buffer as ArrayBuffer),
  );
}

/** The input as an output to draw (a picture as the model sees it), without the batch of one. */
async function asShown(x: tf.Tensor, picture: boolean): Promise<LayerOutput> {
  const values = Float32Array.from(await x.data());
  const [min, max] = range(values);
  const shape = x.shape.length > 1 && x.shape[0] === 1 ? x.shape.slice(1) : x.shape;
  return { layer: picture ? 'picture' : 'values', className: 'input', shape, values, min, max };
}

async function activation(id: number, node: string): Promise<void> {
  if (!current || !input)
    return fail('activation', id, { message: 'Predict on an input first: the activations are those of the current input.' });
  const info = current.nodes.find((n) => n.name === node);
  if (!info) return fail('activation', id, { message: `The graph has no node named ${node}.` });
  const started = performance.now();
  const [output] = await runGraphModel(tf, current.model, current.info, input, [info]);
  if (!output) return fail('activation', id, { message: `The node ${node} gave no output.` });
  post({ type: 'activation', id, output, ms: performance.now() - started }, [output.values.buffer as ArrayBuffer]);
}
