/**
 * Keras 1 wrote the same layers under other class names and setting names (`Convolution2D`,
 * `nb_filter`, `output_dim`, `border_mode`, `dim_ordering` …). TF.js refuses such files; NetCanvas
 * renames them to their Keras 2 form so the model imports as it was meant.
 */
type Config = Record<string, unknown>;

const RENAMED_CLASSES: Record<string, string> = {
  Convolution1D: 'Conv1D',
  Convolution2D: 'Conv2D',
  Convolution3D: 'Conv3D',
  Deconvolution2D: 'Conv2DTranspose',
  AtrousConvolution2D: 'Conv2D',
};

const COMMON_KEYS: Record<string, string> = {
  output_dim: 'units',
  init: 'kernel_initializer',
  inner_init: 'recurrent_initializer',
  inner_activation: 'recurrent_activation',
  W_regularizer: 'kernel_regularizer',
  U_regularizer: 'recurrent_regularizer',
  b_regularizer: 'bias_regularizer',
  W_constraint: 'kernel_constraint',
  b_constraint: 'bias_constraint',
  bias: 'use_bias',
  border_mode: 'padding',
  subsample: 'strides',
  subsample_length: 'strides',
  pool_length: 'pool_size',
  stride: 'strides',
  nb_filter: 'filters',
  filter_length: 'kernel_size',
  atrous_rate: 'dilation_rate',
  dropout_W: 'dropout',
  dropout_U: 'recurrent_dropout',
  p: 'rate',
};

/** Upgrades one Keras 1 layer (class name and config) to its Keras 2 form; nested layers too. */
export function upgradeKeras1Layer(className: string, config: Config): { className: string; config: Config } {
  const out: Config = {};
  for (const [key, value] of Object.entries(config)) {
    if (key === 'nb_row' || key === 'nb_col' || key === 'dim_ordering' || key === 'forget_bias_init') continue;
    out[COMMON_KEYS[key] ?? key] = value;
  }
  if (typeof config.nb_row === 'number' && typeof config.nb_col === 'number') out.kernel_size = [config.nb_row, config.nb_col];
  if (config.dim_ordering === 'th') out.data_format = 'channels_first';
  else if (config.dim_ordering === 'tf') out.data_format = 'channels_last';
  if (config.forget_bias_init === 'one') out.unit_forget_bias = true;
  if (className === 'Embedding' && 'init' in config) {
    out.embeddings_initializer = config.init;
    delete out.kernel_initializer;
    out.output_dim = config.output_dim;
    delete out.units;
  }
  if (typeof out.kernel_initializer === 'string')
    out.kernel_initializer = { class_name: keras2Initializer(out.kernel_initializer), config: {} };
  if (typeof out.recurrent_initializer === 'string')
    out.recurrent_initializer = { class_name: keras2Initializer(out.recurrent_initializer), config: {} };
  if (typeof out.embeddings_initializer === 'string')
    out.embeddings_initializer = { class_name: keras2Initializer(out.embeddings_initializer), config: {} };
  if (className === 'Bidirectional' || className === 'TimeDistributed') {
    const inner = config.layer as { class_name?: unknown; config?: Config } | undefined;
    if (inner && typeof inner.class_name === 'string') {
      const upgraded = upgradeKeras1Layer(inner.class_name, inner.config ?? {});
      out.layer = { class_name: upgraded.className, config: upgraded.config };
    }
  }
  return { className: RENAMED_CLASSES[className] ?? className, config: out };
}

function keras2Initializer(name: string): string {
  const known: Record<string, string> = {
    glorot_uniform: 'GlorotUniform',
    glorot_normal: 'GlorotNormal',
    he_uniform: 'HeUniform',
    he_normal: 'HeNormal',
    lecun_uniform: 'LecunUniform',
    orthogonal: 'Orthogonal',
    zero: 'Zeros',
    zeros: 'Zeros',
    one: 'Ones',
    ones: 'Ones',
    uniform: 'RandomUniform',
    normal: 'RandomNormal',
    identity: 'Identity',
  };
  return known[name] ?? 'GlorotUniform';
}

/** Keras 1 versions are "1.x.y". */
export function isKeras1(version: string | undefined): boolean {
  return typeof version === 'string' && /^1\./.test(version);
}
