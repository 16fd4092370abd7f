import type { Diagnostic } from '../diagnostics';
import type { GraphModelJson } from './graph-model-file';

/**
 * What went wrong in TF.js while loading or running a graph model, in words a user can act on: the
 * op it lacks (and the node using it), a weight the files do not fill, an input of the wrong size.
 * TF.js's own text is never shown: it names internals and asks to file issues.
 */
export function graphModelProblem(error: unknown, json?: GraphModelJson): Diagnostic {
  const text = error instanceof Error ? error.message : String(error);
  const op = /Unknown op '([^']+)'/.exec(text)?.[1] ?? /Kernel '([^']+)' not registered/.exec(text)?.[1];
  if (op) {
    const node = json?.modelTopology.node.find((n) => n.op === op || n.op === `_${op}` || n.op.replace(/^_/, '') === op);
    return {
      code: 'unsupported_feature',
      severity: 'error',
      message: `The model uses the operation ${op}${node ? ` (node ${node.name})` : ''}, which TensorFlow.js cannot run.`,
      hint: 'Convert the model again with a newer tensorflowjs_converter, or from a graph that avoids this operation; TensorFlow.js lists the operations it supports.',
    };
  }
  const values = /should have (\d+) values but has (\d+)/.exec(text);
  if (values) {
    return {
      code: 'weights_mismatch',
      severity: 'error',
      message: `A weight of the model needs ${values[1]} values, but the weight files hold ${values[2]} for it: they belong to another model or are damaged.`,
      hint: 'Choose the .bin files that were converted with this model.json.',
    };
  }
  const missing = /output '([^']+)' is not found/.exec(text) ?? /Cannot find the node[^']*'?([^'\s]+)/.exec(text);
  if (missing) {
    return { code: 'import_failed', severity: 'error', message: `The graph has no node named ${missing[1]}.` };
  }
  const shape = /shape of dict\['([^']+)'\] provided in model\.execute\(dict\) must be \[([^\]]*)\], but was \[([^\]]*)\]/.exec(text);
  if (shape) {
    return {
      code: 'shape_mismatch',
      severity: 'error',
      message: `The input ${shape[1]} takes a tensor of shape [${shape[2]}], not [${shape[3]}].`,
    };
  }
  return {
    code: 'import_failed',
    severity: 'error',
    message: 'TensorFlow.js could not run this graph model.',
    hint: 'The file may come from a converter newer than this TensorFlow.js (4.22), or use an operation it runs differently.',
  };
}
