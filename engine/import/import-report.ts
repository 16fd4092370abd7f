import type { Diagnostic } from '../diagnostics';
import type { GraphDoc, GraphNode } from '../graph/schema';
import { layerSpec } from '../layers/registry';
import type { ImportNote } from './import-notes';

/** What an import made of a model file, part by part, with the counts a summary line needs. */
export interface ImportReport {
  exact: number;
  approximated: number;
  placeholders: number;
  /** One note per part; the exact ones included, so the report accounts for every layer. */
  notes: ImportNote[];
}

/** Keras 1 class names and their current layers. */
const RENAMED: Record<string, string> = {
  Convolution1D: 'Conv1D',
  Convolution2D: 'Conv2D',
  Convolution3D: 'Conv3D',
  AtrousConvolution1D: 'Conv1D with a dilation rate',
  AtrousConvolution2D: 'Conv2D with a dilation rate',
  Deconvolution2D: 'Conv2DTranspose',
  Merge: 'Add, Concatenate or Multiply, as its mode says',
  MaxoutDense: 'Dense followed by Maximum over its pieces',
  TimeDistributedDense: 'Dense (it applies to every step by itself)',
};

/**
 * What to put in place of a layer the catalog lacks: a Lambda that scales its input is a Rescaling,
 * a Keras 1 name has a current layer, anything else an equivalent layer from the palette.
 */
export function replacementFor(className: string, name: string, config: Record<string, unknown>): string {
  const renamed = RENAMED[className];
  if (renamed) return `Replace it with ${renamed}.`;
  if (className === 'Lambda' || className === 'TFOpLambda') {
    const code = JSON.stringify(config.function ?? '');
    if (/normali[sz]|rescal|scale|preprocess/i.test(name) || /255/.test(code))
      return 'Replace it with Rescaling(1/255), or with the scale and offset its code applies.';
    return 'Replace it with the layer that does what its code does (Rescaling, Reshape, Activation or a merge layer), or delete it.';
  }
  return 'Replace it with an equivalent layer from the palette, or delete it.';
}

function sourceOf(node: GraphNode): string {
  const className =
    node.type === 'unsupported' ? String(node.params.className ?? 'Unknown') : (layerSpec(node.type)?.keras.className ?? node.type);
  return `${className} "${node.name ?? node.id}"`;
}

/**
 * The import report of a model file: the importer's own notes where it made them (ONNX and Caffe,
 * whose operations map to layers in several ways), otherwise one note per layer from the graph and
 * the import's diagnostics — placeholders with what to replace them with, layers whose settings were
 * not all carried over as approximations, the rest exact.
 *
 * @example
 * const report = importReport(imported.doc, imported.diagnostics, imported.notes);
 * console.log(`${report.exact} exact, ${report.placeholders} placeholders`);
 */
export function importReport(doc: GraphDoc, diagnostics: readonly Diagnostic[], notes?: readonly ImportNote[]): ImportReport {
  const all: ImportNote[] = notes ? [...notes] : [];
  if (!notes) {
    for (const node of doc.nodes) {
      if (node.type === 'input') continue;
      const source = sourceOf(node);
      if (node.type === 'unsupported') {
        const className = String(node.params.className ?? 'Unknown');
        const config = (node.params.config as Record<string, unknown> | undefined) ?? {};
        all.push({
          nodeId: node.id,
          status: 'placeholder',
          source,
          message: `Kept as a placeholder: ${String(node.params.reason || 'NetCanvas cannot build it')}.`,
          replaceWith: replacementFor(className, node.name ?? '', config),
        });
        continue;
      }
      const caveat = diagnostics.find(
        (d) => d.nodeId === node.id && d.severity === 'warning' && (d.code === 'unsupported_feature' || d.code === 'import_approximated'),
      );
      all.push(
        caveat
          ? {
              nodeId: node.id,
              status: 'approximated',
              source,
              message: caveat.message,
              ...(caveat.hint ? { replaceWith: caveat.hint } : {}),
            }
          : {
              nodeId: node.id,
              status: 'exact',
              source,
              message: node.sharesWeightsWith
                ? `Imported exactly, sharing the weights of "${node.sharesWeightsWith}".`
                : 'Imported exactly.',
            },
      );
    }
  }
  const count = (status: ImportNote['status']) => all.filter((n) => n.status === status).length;
  return { exact: count('exact'), approximated: count('approximated'), placeholders: count('placeholder'), notes: all };
}

/** The report as lines of text: the counts, then each approximation and placeholder with what to do. */
export function reportLines(report: ImportReport): string[] {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const lines = [
    `Import report: ${report.exact} exact, ${report.approximated} approximated, ${plural(report.placeholders, 'placeholder')}.`,
  ];
  for (const note of report.notes) {
    if (note.status === 'exact') continue;
    lines.push(`  ${note.status.padEnd(12)} ${note.source}: ${note.message}${note.replaceWith ? ` → ${note.replaceWith}` : ''}`);
  }
  return lines;
}
