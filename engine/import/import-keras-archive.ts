import type * as tfjs from '@tensorflow/tfjs';
import { compileGraph } from '../compile/compile';
import type { Diagnostic } from '../diagnostics';
import type { GraphDoc } from '../graph/schema';
import type { Tf } from '../layers/spec';
import { type Keras3LayerWeights, keras3Weights, readKerasArchive } from './keras-archive';

/** What `importModel` passes in: the topology importer, so this file does not import it back. */
export type ImportConfig = (config: Record<string, unknown>) => { ok: boolean; doc?: GraphDoc; diagnostics: Diagnostic[] };

export interface KerasArchiveImport {
  ok: boolean;
  doc?: GraphDoc;
  diagnostics: Diagnostic[];
  kerasVersion?: string;
  weights?: tfjs.NamedTensorMap;
}

const problem = (message: string, severity: 'error' | 'warning' = 'error'): Diagnostic => ({
  code: 'weights_mismatch',
  severity,
  message,
  hint: 'The architecture is imported; its layers keep fresh weights.',
});

/**
 * Imports a Keras 3 `.keras` archive: its config.json as a `to_json()` file, and, when `tf` is given,
 * the weights of model.weights.h5 named as the compiled graph's layers name theirs (Keras 3 stores
 * them by position, so the graph is compiled to learn the names). Never throws.
 */
export async function importKerasArchive(
  tf: Tf | null | undefined,
  bytes: Uint8Array,
  importConfig: ImportConfig,
): Promise<KerasArchiveImport> {
  const read = await readKerasArchive(bytes);
  if (!read.ok) return { ok: false, diagnostics: read.diagnostics };
  const { config, kerasVersion, weights } = read.archive;
  const imported = importConfig({ ...config, ...(kerasVersion ? { keras_version: kerasVersion } : {}) });
  const result: KerasArchiveImport = { ...imported, ...(kerasVersion ? { kerasVersion } : {}) };
  if (!result.ok || !result.doc || !tf) return result;
  if (!weights) {
    result.diagnostics.push(problem('The archive has no model.weights.h5, so the model is imported without weights.', 'warning'));
    return result;
  }
  const layers = await keras3Weights(weights, config);
  if (!layers.ok) {
    result.diagnostics.push(problem(`The weights in the archive could not be read: ${layers.message}`));
    return result;
  }
  const named = nameWeights(tf, result.doc, layers.layers);
  result.diagnostics.push(...named.diagnostics);
  if (named.weights) result.weights = named.weights;
  return result;
}

/** The file's weights keyed by the names the compiled graph's layers give theirs, or why they do not fit. */
function nameWeights(tf: Tf, doc: GraphDoc, layers: Keras3LayerWeights[]): { weights?: tfjs.NamedTensorMap; diagnostics: Diagnostic[] } {
  const compiled = compileGraph(tf, doc);
  if (!compiled.ok) return { diagnostics: [problem('The weights were left out: the imported graph does not compile.', 'warning')] };
  const weights: tfjs.NamedTensorMap = {};
  const diagnostics: Diagnostic[] = [];
  try {
    for (const layer of layers) {
      const node = doc.nodes.find(
        (n) => n.name === layer.layerName && n.sharesWeightsWith === undefined && (layer.group === undefined || n.groupId === layer.group),
      );
      const tfName = node ? compiled.layerNames.get(node.id) : undefined;
      const target = tfName ? compiled.model.layers.find((l) => l.name === tfName) : undefined;
      if (!node || !target) {
        diagnostics.push(
          problem(`The file has weights for layer "${layer.layerName}", which the imported graph does not build.`, 'warning'),
        );
        continue;
      }
      if (target.weights.length !== layer.arrays.length) {
        diagnostics.push({
          ...problem(
            `Layer "${layer.layerName}" has ${layer.arrays.length} weights in the file, but ${target.weights.length} in the graph.`,
          ),
          nodeId: node.id,
        });
        continue;
      }
      for (const [i, variable] of target.weights.entries()) {
        const array = layer.arrays[i];
        if (array) weights[variable.originalName] = tf.tensor(array.values, array.shape, array.dtype);
      }
    }
  } finally {
    compiled.model.dispose();
  }
  if (diagnostics.some((d) => d.severity === 'error')) {
    tf.dispose(Object.values(weights));
    return { diagnostics };
  }
  return { weights, diagnostics };
}
