/** A reference to one tensor in a Keras model file: which layer, which call of it, which of its outputs. */
export interface KerasTensorRef {
  layer: string;
  node: number;
  tensor: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function refFromList(item: unknown): KerasTensorRef | null {
  if (!Array.isArray(item) || typeof item[0] !== 'string') return null;
  const num = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);
  return { layer: item[0], node: num(item[1]), tensor: num(item[2]) };
}

/** Keras 3 writes tensors as `{class_name: '__keras_tensor__', config: {keras_history: [layer, node, tensor]}}`. */
function refFromKeras3(item: unknown): KerasTensorRef | null {
  if (!isRecord(item) || item.class_name !== '__keras_tensor__' || !isRecord(item.config)) return null;
  return refFromList(item.config.keras_history);
}

function collectKeras3(value: unknown, out: KerasTensorRef[]): void {
  const ref = refFromKeras3(value);
  if (ref) {
    out.push(ref);
    return;
  }
  if (Array.isArray(value)) for (const v of value) collectKeras3(v, out);
}

/**
 * The calls of one layer, each as the list of tensors it was applied to. Understands the three
 * formats in the wild: Keras 2 / TF.js (`[[[name, node, tensor, kwargs], …], …]`), Keras 1 (the same
 * without kwargs) and Keras 3 (`[{args: [keras tensors…], kwargs: {…}}, …]`).
 */
export function parseInboundNodes(inbound: unknown): KerasTensorRef[][] | null {
  if (inbound === undefined || inbound === null) return [];
  if (!Array.isArray(inbound)) return null;
  const calls: KerasTensorRef[][] = [];
  for (const call of inbound) {
    if (isRecord(call)) {
      const refs: KerasTensorRef[] = [];
      collectKeras3(call.args, refs);
      calls.push(refs);
      continue;
    }
    if (!Array.isArray(call)) return null;
    // A bare [name, node, tensor] (some writers skip the per-call list).
    if (typeof call[0] === 'string') {
      const ref = refFromList(call);
      if (!ref) return null;
      calls.push([ref]);
      continue;
    }
    const refs: KerasTensorRef[] = [];
    for (const item of call) {
      const ref = refFromList(item) ?? refFromKeras3(item);
      if (!ref) return null;
      refs.push(ref);
    }
    calls.push(refs);
  }
  return calls;
}

/** `input_layers` / `output_layers`: a list of `[name, node, tensor]`, or a single one (Keras 3, one tensor). */
export function parseEndpoints(value: unknown): KerasTensorRef[] | null {
  if (!Array.isArray(value)) return null;
  if (typeof value[0] === 'string') {
    const ref = refFromList(value);
    return ref ? [ref] : null;
  }
  const refs: KerasTensorRef[] = [];
  for (const item of value) {
    const ref = refFromList(item);
    if (!ref) return null;
    refs.push(ref);
  }
  return refs;
}
