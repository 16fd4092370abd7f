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

/** Values of a structure in Keras's flattening order: lists in order, dicts by sorted key. */
function children(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isRecord(value))
    return Object.keys(value)
      .sort()
      .map((k) => value[k]);
  return [];
}

function collectKeras3(value: unknown, out: KerasTensorRef[], depth = 0): void {
  const ref = refFromKeras3(value);
  if (ref) {
    out.push(ref);
    return;
  }
  if (depth < 8) for (const v of children(value)) collectKeras3(v, out, depth + 1);
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
      // A recurrent layer's initial states follow its sequence, as Keras 2 and TF.js list them.
      if (isRecord(call.kwargs)) collectKeras3(call.kwargs.initial_state, refs);
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

/**
 * `input_layers` / `output_layers`: a `[name, node, tensor]` triple per tensor, as a list, a single
 * triple (Keras 3, one tensor) or any nesting of lists and dicts (Keras 3 keeps the structure the
 * model was built with; dicts flatten by sorted key, as Keras does). `null` when an entry is not a triple.
 */
export function parseEndpoints(value: unknown): KerasTensorRef[] | null {
  if (!Array.isArray(value) && !isRecord(value)) return null;
  const refs: KerasTensorRef[] = [];
  const walk = (item: unknown, depth: number): boolean => {
    if (Array.isArray(item) && typeof item[0] === 'string') {
      const ref = refFromList(item);
      if (ref) refs.push(ref);
      return ref !== null;
    }
    if (depth >= 8 || (!Array.isArray(item) && !isRecord(item))) return false;
    return children(item).every((child) => walk(child, depth + 1));
  };
  return walk(value, 0) ? refs : null;
}
