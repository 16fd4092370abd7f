import type * as tfjs from '@tensorflow/tfjs';
import type { Diagnostic } from '../diagnostics';

/**
 * Loads named weights (as in a TF.js weights manifest: `layer/kernel`) into a compiled model. Names
 * match exactly, or after dropping the `:0` suffix and outer model prefixes some writers add. Every
 * weight of the model must be found with the right shape; otherwise nothing is changed and the
 * mismatches are reported.
 */
export function assignWeights(
  model: tfjs.LayersModel,
  named: tfjs.NamedTensorMap,
): { ok: boolean; assigned: number; diagnostics: Diagnostic[] } {
  const index = new Map<string, tfjs.Tensor>();
  for (const [name, tensor] of Object.entries(named)) index.set(name.replace(/:\d+$/, ''), tensor);
  const diagnostics: Diagnostic[] = [];
  const plan: { layer: tfjs.layers.Layer; values: tfjs.Tensor[] }[] = [];
  const used = new Set<tfjs.Tensor>();
  for (const layer of model.layers) {
    const values: tfjs.Tensor[] = [];
    for (const weight of layer.weights) {
      const tensor = lookup(index, weight.originalName);
      if (!tensor) {
        diagnostics.push({
          code: 'weights_mismatch',
          severity: 'error',
          nodeId: layer.name,
          message: `No weights for "${weight.originalName}" in the weight files.`,
          hint: 'The weight files may belong to another version of this model.',
        });
        continue;
      }
      if (tensor.shape.join(',') !== weight.shape.join(',')) {
        diagnostics.push({
          code: 'weights_mismatch',
          severity: 'error',
          nodeId: layer.name,
          message: `Weights "${weight.originalName}" have shape [${tensor.shape.join(', ')}] in the file, but the layer needs [${weight.shape.join(', ')}].`,
          hint: 'The layer settings differ from the ones the weights were trained with.',
        });
        continue;
      }
      used.add(tensor);
      values.push(tensor);
    }
    if (values.length > 0) plan.push({ layer, values });
  }
  if (diagnostics.length > 0) return { ok: false, assigned: 0, diagnostics };
  let assigned = 0;
  for (const { layer, values } of plan) {
    layer.setWeights(values);
    assigned += values.length;
  }
  const unused = [...index.entries()].filter(([, t]) => !used.has(t)).map(([n]) => n);
  if (unused.length > 0) {
    diagnostics.push({
      code: 'weights_mismatch',
      severity: 'warning',
      message: `${unused.length} weight${unused.length === 1 ? ' was' : 's were'} not used: ${unused.slice(0, 5).join(', ')}${unused.length > 5 ? ', …' : ''}.`,
      hint: 'They belong to layers this model does not have.',
    });
  }
  return { ok: true, assigned, diagnostics };
}

function lookup(index: Map<string, tfjs.Tensor>, name: string): tfjs.Tensor | undefined {
  const direct = index.get(name);
  if (direct) return direct;
  const matches = [...index.entries()].filter(([key]) => key.endsWith(`/${name}`) || name.endsWith(`/${key}`));
  return matches.length === 1 ? matches[0]?.[1] : undefined;
}
