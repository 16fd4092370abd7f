import type { Diagnostic } from '../../diagnostics';
import { parseGraph } from '../../graph/parse';
import type { GraphDoc } from '../../graph/schema';
import type { ImportNote } from '../../import/import-notes';
import { layeredLayout } from '../../import/layout';
import type { NamedWeightArrays } from '../../import/weight-arrays';
import { convertOpGraph, type TensorLayouts } from './convert';
import type { OpGraph } from './op-graph';
import { readOnnx } from './read-onnx';

/** A network file read into a design: the document, its weights as arrays, and what became of each part. */
export interface NetworkImport {
  ok: boolean;
  doc?: GraphDoc;
  /** Weights keyed by the design's layer names (`conv1/kernel`), laid out as TF.js holds them. */
  weightArrays?: NamedWeightArrays;
  /** How the file's inputs and outputs map onto the design's (images are channels-last in the design). */
  layouts?: TensorLayouts;
  /** One note per design node (exact, approximated, placeholder), for an import report. */
  notes: ImportNote[];
  diagnostics: Diagnostic[];
  /** The bytes are not a readable file of their format. */
  unreadable?: boolean;
}

/**
 * Reads an ONNX model (any exporter: PyTorch, tf2onnx, keras2onnx, …) into a design with its
 * weights. Images become channels-last, as TF.js takes them (the report says so on the input).
 * Needs no TF.js. Never throws.
 *
 * @example
 * const imported = importOnnx(new Uint8Array(readFileSync('model.onnx')), { name: 'classifier' });
 * if (imported.ok) for (const note of imported.notes) console.log(note.status, note.source, note.message);
 */
export function importOnnx(bytes: Uint8Array, options: { name?: string } = {}): NetworkImport {
  const read = readOnnx(bytes);
  if (!read.ok)
    return { ok: false, notes: [], unreadable: true, diagnostics: [{ code: 'import_failed', severity: 'error', message: read.message }] };
  const about: Diagnostic = {
    code: 'unsupported_feature',
    severity: 'info',
    message: `ONNX file${read.graph.producer ? ` written by ${read.graph.producer}` : ''}, opset ${read.graph.opset}.`,
  };
  return networkToDesign(read.graph, 'ONNX', options.name, [about]);
}

/** The shared last step of the ONNX and Caffe importers: convert, validate, lay out. */
export function networkToDesign(graph: OpGraph, fileKind: string, name: string | undefined, extra: Diagnostic[] = []): NetworkImport {
  let converted: ReturnType<typeof convertOpGraph>;
  try {
    converted = convertOpGraph(name ? { ...graph, name } : graph, fileKind);
  } catch (error) {
    return {
      ok: false,
      notes: [],
      diagnostics: [
        ...extra,
        { code: 'import_failed', severity: 'error', message: `The ${fileKind} model could not be converted: ${(error as Error).message}` },
      ],
    };
  }
  const parsed = parseGraph(converted.doc);
  if (!parsed.ok) return { ok: false, notes: converted.notes, diagnostics: [...extra, ...converted.diagnostics, ...parsed.diagnostics] };
  const kept = new Set(parsed.doc.nodes.map((n) => n.name ?? n.id));
  const weightArrays = Object.fromEntries(Object.entries(converted.weights).filter(([key]) => kept.has(key.slice(0, key.indexOf('/')))));
  return {
    ok: true,
    doc: layeredLayout(parsed.doc),
    ...(graph.weightsKnown === false ? {} : { weightArrays }),
    layouts: converted.layouts,
    notes: converted.notes,
    diagnostics: [...extra, ...converted.diagnostics, ...approximations(converted.notes)],
  };
}

function approximations(notes: ImportNote[]): Diagnostic[] {
  return notes
    .filter((n) => n.status === 'approximated')
    .map((n) => ({
      code: 'import_approximated' as const,
      severity: 'info' as const,
      ...(n.nodeId ? { nodeId: n.nodeId } : {}),
      message: `${n.source}: ${n.message}`,
      ...(n.replaceWith ? { hint: n.replaceWith } : {}),
    }));
}
