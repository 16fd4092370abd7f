import type { Diagnostic } from '../diagnostics';
import { type KerasTensorRef, parseEndpoints, parseInboundNodes } from './inbound';

/** One tensor: output `port` of the call `call`. */
export interface TensorPort {
  call: string;
  port: number;
}

/** One application of one layer: it becomes one node of the graph. */
export interface FlatCall {
  id: string;
  className: string;
  /** The layer's name in the file; weights are keyed by it. */
  layerName: string;
  config: Record<string, unknown>;
  inputs: TensorPort[];
  /** Name of the nested model the layer came from, if any. */
  group?: string;
}

export interface FlatModel {
  calls: FlatCall[];
  inputs: string[];
  outputs: TensorPort[];
  groups: string[];
  diagnostics: Diagnostic[];
}

const MODEL_CLASSES = new Set(['Sequential', 'Model', 'Functional']);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Resolves a tensor index of one layer call to the tensor it is in the flat graph. */
type Application = (tensor: number) => TensorPort | undefined;

class Flattener {
  readonly calls: FlatCall[] = [];
  readonly inputs: string[] = [];
  readonly groups: string[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly ids = new Set<string>();

  uniqueId(name: string, group?: string): string {
    let id = this.ids.has(name) && group ? `${group}/${name}` : name;
    for (let i = 2; this.ids.has(id); i++) id = `${name}_${i}`;
    this.ids.add(id);
    return id;
  }

  addCall(call: Omit<FlatCall, 'id'>): string {
    const id = this.uniqueId(call.layerName, call.group);
    this.calls.push({ id, ...call });
    return id;
  }

  addInput(name: string, config: Record<string, unknown>, group?: string): TensorPort {
    const id = this.addCall({ className: 'InputLayer', layerName: name, config, inputs: [], ...(group ? { group } : {}) });
    this.inputs.push(id);
    return { call: id, port: 0 };
  }

  /** Says on the Input that the file gave no shape, so the one shown is only the Input's default. */
  unknownInputShape(inputId: string, layer: string): void {
    this.diagnostics.push({
      code: 'import_failed',
      severity: 'warning',
      nodeId: inputId,
      field: 'shape',
      message: `The file does not say what shape the input of "${layer}" has; the Input shows its default shape, not the model's.`,
      hint: 'Set the shape of one sample on the Input (for an image model, e.g. [224, 224, 3]).',
    });
  }

  warn(message: string, hint?: string, nodeId?: string): void {
    this.diagnostics.push({ code: 'import_failed', severity: 'error', message, ...(hint ? { hint } : {}), ...(nodeId ? { nodeId } : {}) });
  }

  /** A model (top level or nested) given its class name and config; returns its output tensors. */
  model(className: string, config: unknown, group: string | undefined, bound?: TensorPort[]): TensorPort[] {
    if (className === 'Sequential') {
      const layers = Array.isArray(config) ? config : isRecord(config) ? config.layers : undefined;
      if (!Array.isArray(layers)) {
        this.warn('The Sequential model in the file has no list of layers.');
        return [];
      }
      return this.sequential(layers, group, bound?.[0]);
    }
    if (!isRecord(config) || !Array.isArray(config.layers)) {
      this.warn(`The ${className} model in the file has no list of layers.`);
      return [];
    }
    return this.functional(config, group, bound);
  }

  private sequential(layers: unknown[], group: string | undefined, bound: TensorPort | undefined): TensorPort[] {
    let current = bound;
    for (const [index, raw] of layers.entries()) {
      if (!isRecord(raw) || typeof raw.class_name !== 'string') {
        this.warn(`Layer ${index + 1} of the Sequential model is not a {class_name, config} object.`);
        continue;
      }
      const config = isRecord(raw.config) ? raw.config : {};
      const name = typeof config.name === 'string' ? config.name : typeof raw.name === 'string' ? raw.name : `layer_${index + 1}`;
      if (raw.class_name === 'InputLayer') {
        current ??= this.addInput(name, config, group);
        continue;
      }
      if (!current) {
        // A nested model's config may be its bare list of layers (Keras 2.0's Sequential).
        const shape = MODEL_CLASSES.has(raw.class_name) ? nestedInputShape(raw.config, 0) : inputShapeOf(raw.class_name, config);
        current = this.addInput(`${name}_input`, { batch_input_shape: shape, dtype: config.dtype ?? 'float32' }, group);
        if (shape === undefined) this.unknownInputShape(current.call, name);
      }
      if (MODEL_CLASSES.has(raw.class_name)) {
        const nested = typeof config.name === 'string' ? config.name : name;
        this.groups.push(nested);
        current = this.model(raw.class_name, raw.config, nested, [current])[0];
        continue;
      }
      const id = this.addCall({ className: raw.class_name, layerName: name, config, inputs: [current], ...(group ? { group } : {}) });
      current = { call: id, port: 0 };
    }
    return current ? [current] : [];
  }

  private functional(config: Record<string, unknown>, group: string | undefined, bound?: TensorPort[]): TensorPort[] {
    const layers = (config.layers as unknown[]).filter(isRecord);
    const inputRefs = parseEndpoints(config.input_layers) ?? [];
    const applications = new Map<string, Application[]>();
    /** Calls per layer name, and how far its node indexes are shifted (see `nodeOffsets`). */
    const callCounts = new Map<string, number>();
    let inboundOffsets = new Map<string, number>();
    const resolve = (ref: KerasTensorRef, offsets = inboundOffsets): TensorPort | undefined => {
      const count = callCounts.get(ref.layer) ?? 1;
      const index = ref.node - (offsets.get(ref.layer) ?? 0);
      // An index out of range names a call made outside this model: take the layer's last call.
      return applications.get(ref.layer)?.[index >= 0 && index < count ? index : count - 1]?.(ref.tensor);
    };
    const pending: { layer: Record<string, unknown>; name: string; calls: KerasTensorRef[][]; done: boolean[] }[] = [];
    if (!bound) {
      // A graph's inputs are its Input nodes in document order: add them in the order of input_layers.
      for (const ref of inputRefs) {
        const layer = layers.find((l) => l.class_name === 'InputLayer' && layerName(l) === ref.layer);
        if (!layer || applications.has(ref.layer)) continue;
        const port = this.addInput(ref.layer, isRecord(layer.config) ? layer.config : {}, group);
        applications.set(ref.layer, [(t) => (t === 0 ? port : undefined)]);
      }
    }
    for (const layer of layers) {
      const layerConfig = isRecord(layer.config) ? layer.config : {};
      const name = layerName(layer);
      if (layer.class_name === 'InputLayer') {
        if (applications.has(name)) continue;
        const position = inputRefs.findIndex((r) => r.layer === name);
        const port = bound ? bound[Math.max(position, 0)] : this.addInput(name, layerConfig, group);
        if (port) applications.set(name, [(t) => (t === 0 ? port : undefined)]);
        continue;
      }
      const calls = parseInboundNodes(layer.inbound_nodes);
      if (calls === null) {
        this.warn(`Layer "${name}" has inbound connections in a format NetCanvas does not read.`, undefined, name);
        continue;
      }
      if (calls.length > 1) {
        const model = MODEL_CLASSES.has(String(layer.class_name));
        this.diagnostics.push({
          code: 'unsupported_feature',
          severity: 'info',
          nodeId: name,
          message: model
            ? `Model "${name}" is called ${calls.length} times; its layers appear once per call, each use sharing the weights of the first.`
            : `Layer "${name}" is shared by ${calls.length} calls; it appears once per call, each use sharing the weights of the first.`,
          hint: 'The weights are counted and trained once, as in the file.',
        });
      }
      callCounts.set(name, calls.length);
      pending.push({ layer, name, calls, done: calls.map(() => false) });
    }
    const outputRefs = parseEndpoints(config.output_layers) ?? [];
    // Keras 3 counts from 0 in inbound nodes but from 1 in output_layers, so each is judged on its own.
    inboundOffsets = nodeOffsets(
      pending,
      pending.flatMap((p) => p.calls.flat()),
    );
    const outputOffsets = nodeOffsets(pending, outputRefs);
    for (let progress = true; progress; ) {
      progress = false;
      for (const item of pending) {
        for (const [k, refs] of item.calls.entries()) {
          if (item.done[k]) continue;
          const ports = refs.map((ref) => resolve(ref));
          if (ports.some((p) => p === undefined)) continue;
          item.done[k] = true;
          progress = true;
          const apps = applications.get(item.name) ?? [];
          apps[k] = this.apply(item.layer, item.name, k, ports as TensorPort[], group);
          applications.set(item.name, apps);
        }
      }
    }
    const cycle = findCycle(pending.filter((p) => !p.done.every(Boolean)));
    if (cycle) {
      this.diagnostics.push({
        code: 'cycle',
        severity: 'error',
        nodeId: cycle[0] as string,
        message: `The inbound_nodes of the file form a cycle: ${cycle.map((n) => `"${n}"`).join(' → ')}. A layer cannot take its own output as input.`,
        hint: 'The file is damaged or was edited by hand; re-save the model from Keras or TensorFlow.js.',
      });
    }
    for (const item of pending) {
      if (item.done.every(Boolean) || cycle?.includes(item.name)) continue;
      const missing = item.calls.flat().find((r) => !resolve(r));
      if (missing && cycle?.includes(missing.layer)) continue;
      this.warn(
        `Layer "${item.name}" could not be connected: its input "${missing?.layer ?? '?'}" is not in the model.`,
        'The file may be truncated or use a feature NetCanvas does not read.',
        item.name,
      );
    }
    const outputs = outputRefs.map((ref) => {
      const port = resolve(ref, outputOffsets);
      if (!port) this.warn(`The model output "${ref.layer}" could not be found.`);
      return port;
    });
    return outputs.filter((p): p is TensorPort => p !== undefined);
  }

  private apply(layer: Record<string, unknown>, name: string, call: number, inputs: TensorPort[], group: string | undefined): Application {
    const className = String(layer.class_name);
    if (MODEL_CLASSES.has(className)) {
      if (call === 0) this.groups.push(name);
      const outputs = this.model(className, layer.config, name, inputs);
      return (t) => outputs[t];
    }
    const config = isRecord(layer.config) ? layer.config : {};
    const id = this.addCall({ className, layerName: name, config, inputs, ...(group ? { group } : {}) });
    return (t) => ({ call: id, port: t });
  }
}

/**
 * A cycle among the layers that could not be connected, as the layer names along it (first repeated
 * at the end), or `undefined` when they wait on layers that are simply absent.
 */
function findCycle(stuck: { name: string; calls: KerasTensorRef[][] }[]): string[] | undefined {
  const waitsOn = new Map(stuck.map((p) => [p.name, p.calls.flat().map((r) => r.layer)]));
  for (const start of waitsOn.keys()) {
    const path: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && !path.includes(at)) {
      path.push(at);
      at = waitsOn.get(at)?.find((next) => waitsOn.has(next));
    }
    if (at !== undefined) return [...path.slice(path.indexOf(at)), at];
  }
  return undefined;
}

/**
 * Keras and TF.js count a nested model's calls from 1 (its node 0 is the one that built it), other
 * layers' calls from 0; some writers count nested models from 0 too. A nested model's indexes are
 * taken as shifted by one when some reference reaches one past its last call.
 */
function nodeOffsets(
  pending: { layer: Record<string, unknown>; name: string; calls: KerasTensorRef[][] }[],
  refs: KerasTensorRef[],
): Map<string, number> {
  const models = new Map(pending.filter((p) => MODEL_CLASSES.has(String(p.layer.class_name))).map((p) => [p.name, p.calls.length]));
  const offsets = new Map<string, number>();
  for (const ref of refs) {
    const count = models.get(ref.layer);
    if (count !== undefined && ref.node === count) offsets.set(ref.layer, 1);
  }
  return offsets;
}

/** A layer's name: Keras writes it beside the config and in it. */
function layerName(layer: Record<string, unknown>): string {
  if (typeof layer.name === 'string') return layer.name;
  return isRecord(layer.config) && typeof layer.config.name === 'string' ? layer.config.name : '';
}

/**
 * The input shape a Sequential model's first layer declares, in any of the forms Keras wrote over the
 * years; for a nested model (Teachable Machine's exports start with one), the shape its own first
 * layer or Input declares.
 */
function inputShapeOf(className: string, config: unknown, depth = 0): unknown {
  if (MODEL_CLASSES.has(className)) return nestedInputShape(config, depth + 1);
  if (!isRecord(config)) return undefined;
  if (Array.isArray(config.batch_input_shape)) return config.batch_input_shape;
  if (Array.isArray(config.batch_shape)) return config.batch_shape;
  if (Array.isArray(config.input_shape)) return [null, ...config.input_shape];
  // An Embedding's input_dim is its vocabulary; its input is a sequence of input_length ids.
  if (className === 'Embedding') return [null, typeof config.input_length === 'number' ? config.input_length : null];
  if (typeof config.input_dim === 'number') return [null, config.input_dim];
  return undefined;
}

/** The batch input shape of a nested model: its first Input's, or its first layer's. */
function nestedInputShape(config: unknown, depth: number): unknown {
  const list = Array.isArray(config) ? config : isRecord(config) ? config.layers : undefined;
  const layers = Array.isArray(list) ? list.filter(isRecord) : [];
  const first = layers.find((l) => l.class_name === 'InputLayer') ?? layers[0];
  if (!first || typeof first.class_name !== 'string' || depth > 16) return undefined;
  return inputShapeOf(first.class_name, first.config, depth);
}

/**
 * Turns a Keras / TF.js model config (Sequential or functional, nested models included) into a flat
 * list of layer calls wired by tensor references. Never throws; problems become diagnostics.
 */
export function flattenModel(className: string, config: unknown): FlatModel {
  const flattener = new Flattener();
  const outputs = flattener.model(className, config, undefined);
  return { calls: flattener.calls, inputs: flattener.inputs, outputs, groups: flattener.groups, diagnostics: flattener.diagnostics };
}
