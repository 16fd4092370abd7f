import type * as tfjs from '@tensorflow/tfjs';
import type { Diagnostic } from '@/engine/diagnostics';
import type { GraphDoc } from '@/engine/graph/schema';
import { importTopology, type ModelFileKind } from '@/engine/import/import-model';
import type { ImportNote } from '@/engine/import/import-notes';
import { importReport } from '@/engine/import/import-report';
import type { ElkLike } from '@/engine/import/layout';
import { decodeModelText } from '@/engine/import/model-text';
import type { Tf } from '@/engine/layers/spec';
import type { PackedWeights } from '@/engine/train/packed-weights';
import type { ImportEvent, ImportOutcome } from './import-lifecycle';

/** The part of a browser `File` the importer uses (tests pass plain objects). */
export interface ModelFile {
  name: string;
  size: number;
  /** A stream for reading with progress; `arrayBuffer` is used when absent. */
  stream?(): ReadableStream<Uint8Array>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type ImportFilesResult =
  | {
      ok: true;
      doc: GraphDoc;
      outcome: ImportOutcome;
      diagnostics: Diagnostic[];
      /** The model's weights (ONNX and Caffe imports), for exports of the design; the caller owns them. */
      weights?: tfjs.NamedTensorMap;
      /** The weights packed for the design by node id, to be stored with the next saved version. */
      packed?: PackedWeights;
      /** ONNX and Caffe imports: what became of each part (exact, approximated, placeholder), for an import report. */
      notes?: ImportNote[];
    }
  /** `kind` says what the refused file is, when it is a model of a kind opened elsewhere (a TF.js graph model). */
  | { ok: false; message: string; diagnostics: Diagnostic[]; kind?: ModelFileKind };

/** What the importer may load lazily: TF.js (only for weight files) and elk (for the layout). */
export interface ImportDeps {
  loadTf(): Promise<Tf>;
  elk?: ElkLike;
  emit?(event: ImportEvent): void;
}

const isJson = (f: { name: string }) => /\.json$/i.test(f.name);
const isH5 = (f: { name: string }) => /\.(h5|hdf5|keras)$/i.test(f.name);
const isOnnx = (f: { name: string }) => /\.onnx$/i.test(f.name);
const isPrototxt = (f: { name: string }) => /\.(prototxt|pbtxt)$/i.test(f.name);
const isModel = (f: { name: string }) => isJson(f) || isH5(f) || isOnnx(f) || isPrototxt(f);

/** The file name without folders (a dropped folder's files can carry relative paths). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * Orders the dropped model files by how likely each is the model: `model.json` first, then Keras
 * HDF5 files, then other `.json` files; the weight shards are everything else.
 */
export function sortDroppedFiles<F extends { name: string }>(files: readonly F[]): { candidates: F[]; shards: F[] } {
  const candidates = files.filter(isModel).sort((a, b) => rank(a.name) - rank(b.name));
  return { candidates, shards: files.filter((f) => !isModel(f)) };
}

function rank(name: string): number {
  const base = baseName(name).toLowerCase();
  if (base === 'model.json') return 0;
  if (isH5({ name: base }) || isOnnx({ name: base }) || isPrototxt({ name: base })) return 1;
  if (base.includes('weights')) return 3;
  return 2;
}

/**
 * Imports dropped files: a TF.js `model.json` with its weight shards, a Keras `to_json()` or `.h5`
 * file, an ONNX file, a Caffe `.prototxt` (with its `.caffemodel`) or a NetCanvas graph. The model file is the first JSON file the engine can read; weight shards are
 * matched to the manifest by file name and checked by decoding them with TF.js (loaded only then).
 * Reports progress through `deps.emit`. Never throws.
 */
export async function importModelFiles(files: readonly ModelFile[], deps: ImportDeps): Promise<ImportFilesResult> {
  const emit = deps.emit ?? (() => {});
  const { candidates, shards } = sortDroppedFiles(files);
  if (candidates.length === 0) {
    return fail(
      'Drop a model.json (TF.js) with its weight files, a Keras .keras, .h5 or model JSON, an ONNX file, a Caffe .prototxt (with its .caffemodel), or a NetCanvas graph.',
    );
  }
  emit({ type: 'start', files: files.map((f) => ({ name: f.name, size: f.size })) });
  const bytes = new Map<string, Uint8Array>();
  try {
    for (const file of [...candidates, ...shards]) {
      bytes.set(baseName(file.name), await readWithProgress(file, emit));
      emit({ type: 'fileRead', fileName: file.name });
    }
  } catch (error) {
    const message = `Could not read the dropped files: ${error instanceof Error ? error.message : String(error)}`;
    emit({ type: 'fail', message });
    return fail(message);
  }

  let chosen: { file: ModelFile; input: unknown; kind: ModelFileKind } | undefined;
  let firstFailure: { diagnostics: Diagnostic[]; kind: ModelFileKind } | undefined;
  for (const file of candidates) {
    emit({ type: 'build', fileName: file.name, step: 'parse' });
    const data = bytes.get(baseName(file.name)) as Uint8Array;
    if (isH5(file)) {
      chosen = { file, input: data, kind: 'keras-h5' };
      break;
    }
    if (isOnnx(file)) {
      chosen = { file, input: data, kind: 'onnx' };
      break;
    }
    if (isPrototxt(file)) {
      chosen = { file, input: new TextDecoder().decode(data), kind: 'caffe' };
      break;
    }
    const text = decodeModelText(data);
    const topology = importTopology(text);
    if (topology.ok) {
      chosen = { file, input: JSON.parse(text), kind: topology.kind };
      break;
    }
    // A graph model among the files is the reason to give: it opens on its own page.
    if (!firstFailure || (topology.kind === 'tfjs-graph' && firstFailure.kind !== 'tfjs-graph'))
      firstFailure = { diagnostics: topology.diagnostics, kind: topology.kind };
  }
  if (!chosen) {
    const diagnostics = firstFailure?.diagnostics ?? [];
    const message = diagnostics[0]?.message ?? 'None of the dropped files is a model NetCanvas can read.';
    const kind = firstFailure?.kind === 'tfjs-graph' ? { kind: firstFailure.kind } : {};
    emit({ type: 'fail', message, diagnostics, ...kind });
    return { ...fail(message, diagnostics), ...kind };
  }

  const readFile = async (path: string) => bytes.get(baseName(path));
  const caffemodel = chosen.kind === 'caffe' ? shards.find((f) => /\.caffemodel$/i.test(f.name)) : undefined;
  const wantsWeights =
    chosen.kind === 'keras-h5' || chosen.kind === 'onnx' || Boolean(caffemodel) || (hasManifest(chosen.input) && shards.length > 0);
  emit({ type: 'build', fileName: chosen.file.name, step: wantsWeights ? 'weights' : 'layout' });
  const { importModel } = await import('@/engine/import/import-model');
  const tf = wantsWeights ? await deps.loadTf() : null;
  const imported = await importModel(tf, chosen.input, {
    ...(wantsWeights ? { readFile } : {}),
    ...(deps.elk ? { elk: deps.elk } : {}),
    ...(caffemodel ? { caffemodel: bytes.get(baseName(caffemodel.name)) as Uint8Array } : {}),
  });
  if (!imported.ok || !imported.doc) {
    const message = imported.diagnostics[0]?.message ?? 'The model could not be imported.';
    emit({ type: 'fail', message, diagnostics: imported.diagnostics });
    return fail(message, imported.diagnostics);
  }
  let weights: number | null = null;
  // Every import with weights keeps them for the saved version, packed by node id (nothing partial).
  const packing =
    imported.weights && tf ? await (await import('@/engine/train/packed-weights')).packWeights(tf, imported.doc, imported.weights) : null;
  const packed = packing?.ok ? packing.weights : undefined;
  // ONNX and Caffe weights stay with the design for its exports; the others were only checked.
  const kept = (chosen.kind === 'onnx' || chosen.kind === 'caffe') && imported.weights ? imported.weights : undefined;
  if (imported.weights) {
    weights = Object.values(imported.weights).reduce((n, t) => n + t.size, 0);
    if (!kept) for (const tensor of Object.values(imported.weights)) tensor.dispose();
  }
  const outcome: ImportOutcome = {
    fileName: baseName(chosen.file.name),
    kind: imported.kind,
    layers: imported.doc.nodes.length,
    placeholders: imported.doc.nodes.filter((n) => n.type === 'unsupported').length,
    weights,
    report: importReport(imported.doc, imported.diagnostics, imported.notes),
  };
  emit({ type: 'finish', outcome, diagnostics: imported.diagnostics });
  return {
    ok: true,
    doc: imported.doc,
    outcome,
    diagnostics: imported.diagnostics,
    ...(kept ? { weights: kept } : {}),
    ...(packed ? { packed } : {}),
    ...(imported.notes ? { notes: imported.notes } : {}),
  };
}

function fail(message: string, diagnostics: Diagnostic[] = []): ImportFilesResult {
  return { ok: false, message, diagnostics };
}

function hasManifest(json: unknown): boolean {
  return typeof json === 'object' && json !== null && Array.isArray((json as { weightsManifest?: unknown }).weightsManifest);
}

/** Reads a file, reporting bytes as they arrive so large shards show progress. */
async function readWithProgress(file: ModelFile, emit: (event: ImportEvent) => void): Promise<Uint8Array> {
  if (!file.stream) {
    const data = new Uint8Array(await file.arrayBuffer());
    emit({ type: 'progress', fileName: file.name, bytes: data.byteLength });
    return data;
  }
  const reader = file.stream().getReader();
  const out = new Uint8Array(file.size);
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value.subarray(0, Math.max(0, out.length - offset)), offset);
    offset += value.byteLength;
    emit({ type: 'progress', fileName: file.name, bytes: value.byteLength });
  }
  return offset === out.length ? out : out.subarray(0, Math.min(offset, out.length));
}
