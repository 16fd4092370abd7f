/** `kernelSize` → `kernel_size`. */
export function camelToSnake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** `kernel_size` → `kernelSize`. */
export function snakeToCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Keras initializer class names ↔ TF.js initializer ids. */
const INITIALIZER_CLASSES: Record<string, string> = {
  GlorotUniform: 'glorotUniform',
  GlorotNormal: 'glorotNormal',
  HeUniform: 'heUniform',
  HeNormal: 'heNormal',
  LecunUniform: 'leCunUniform',
  LeCunUniform: 'leCunUniform',
  LecunNormal: 'leCunNormal',
  LeCunNormal: 'leCunNormal',
  Zeros: 'zeros',
  Ones: 'ones',
  RandomUniform: 'randomUniform',
  RandomNormal: 'randomNormal',
  TruncatedNormal: 'truncatedNormal',
  Orthogonal: 'orthogonal',
  Identity: 'identity',
  // Keras 3 serializes these two under their class names (keras.initializers.Orthogonal is an alias).
  OrthogonalInitializer: 'orthogonal',
  IdentityInitializer: 'identity',
  VarianceScaling: 'varianceScaling',
  Constant: 'zeros',
};

const INITIALIZER_OUT: Record<string, string> = {
  glorotUniform: 'GlorotUniform',
  glorotNormal: 'GlorotNormal',
  heUniform: 'HeUniform',
  heNormal: 'HeNormal',
  leCunUniform: 'LecunUniform',
  leCunNormal: 'LecunNormal',
  zeros: 'Zeros',
  ones: 'Ones',
  randomUniform: 'RandomUniform',
  randomNormal: 'RandomNormal',
  truncatedNormal: 'TruncatedNormal',
  orthogonal: 'Orthogonal',
  identity: 'Identity',
  varianceScaling: 'VarianceScaling',
};

/** A Keras initializer (class object or string) as a TF.js id; `undefined` when not recognised. */
export function initializerFromKeras(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const camel = snakeToCamel(value);
    return Object.values(INITIALIZER_CLASSES).find((id) => id.toLowerCase() === camel.toLowerCase());
  }
  if (typeof value === 'object' && value !== null && 'class_name' in value) {
    const { class_name, config } = value as { class_name: unknown; config?: Record<string, unknown> };
    if (class_name === 'VarianceScaling' && config) return namedVarianceScaling(config);
    return INITIALIZER_CLASSES[String(class_name)];
  }
  return undefined;
}

/**
 * Files store Glorot, He and LeCun initializers as the VarianceScaling they are; map the standard
 * settings back to their names (any normal distribution counts, as Keras now writes truncated_normal).
 */
function namedVarianceScaling(config: Record<string, unknown>): string {
  const mode = String(config.mode ?? '')
    .replace('_', '')
    .toLowerCase();
  const normal = String(config.distribution ?? '').includes('normal');
  if (config.scale === 1 && mode === 'fanavg') return normal ? 'glorotNormal' : 'glorotUniform';
  if (config.scale === 2 && mode === 'fanin') return normal ? 'heNormal' : 'heUniform';
  if (config.scale === 1 && mode === 'fanin') return normal ? 'leCunNormal' : 'leCunUniform';
  return 'varianceScaling';
}

export function initializerToKeras(id: string): { class_name: string; config: Record<string, unknown> } {
  return { class_name: INITIALIZER_OUT[id] ?? 'GlorotUniform', config: {} };
}

/** Keras activation names (snake_case) ↔ TF.js ids (camelCase where they differ). */
export function activationFromKeras(value: unknown): string | undefined {
  const name =
    typeof value === 'string'
      ? value
      : typeof value === 'object' && value !== null && 'class_name' in value
        ? String((value as { class_name: unknown }).class_name)
        : undefined;
  if (name === undefined) return undefined;
  if (name === 'gelu_new') return name;
  return name === 'hard_sigmoid' ? 'hardSigmoid' : name === 'log_softmax' ? 'logSoftmax' : snakeToCamel(name);
}

export function activationToKeras(id: string): string {
  return id === 'gelu_new' ? id : camelToSnake(id);
}

/** `{class_name: 'L1L2', config: {l1, l2}}` (or L1 / L2) → `{l1, l2}`; `null` for none. */
export function regularizerFromKeras(value: unknown): { l1: number; l2: number } | null {
  if (typeof value !== 'object' || value === null) return null;
  const config = ((value as { config?: unknown }).config ?? {}) as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const l1 = num(config.l1);
  const l2 = num(config.l2);
  return l1 === 0 && l2 === 0 ? null : { l1, l2 };
}

export function regularizerToKeras(value: { l1: number; l2: number } | null): unknown {
  return value ? { class_name: 'L1L2', config: { l1: value.l1, l2: value.l2 } } : null;
}
