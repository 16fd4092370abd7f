#!/usr/bin/python3
"""Writes small Keras HDF5 model files, laid out exactly as Keras writes them, with known weights and the
outputs the original models compute for a fixed input, so the importer can be checked without Keras.

Run with Debian's python3 (numpy + h5py), from the repository root:

    /usr/bin/python3 tests/fixtures-made/make-keras-h5.py

(it formats expected.json with the repository's Biome, as the lint check expects, when node_modules is there).

The layout follows Keras's own writers:
  * Keras 1.x   `keras/models.py save_model` + `keras/engine/topology.py save_weights_to_hdf5_group`: root
    attrs keras_version (bytes), model_config (JSON bytes), training_config; `model_weights` has only
    `layer_names`; weights named `<layer>_W:0` / `<layer>_b:0` (TensorFlow backend), kernels in the
    layer's dim_ordering.
  * Keras 2.2   `keras/engine/saving.py _serialize_model` through `H5Dict`: root attrs keras_version,
    backend, model_config, training_config (all bytes); `model_weights` attrs layer_names (array of
    fixed-length byte strings), backend, keras_version; one group per layer in model order, each with
    `weight_names` and the datasets at those names, so `dense_1/kernel:0` is the dataset
    `model_weights/dense_1/dense_1/kernel:0`; `optimizer_weights` beside it.
  * tf.keras 2.x `keras/saving/hdf5_format.py save_model_to_hdf5`: root keras_version and backend as
    str (variable-length UTF-8), model_config and training_config as JSON bytes; layer groups created
    in sorted name order; RNN weights scoped by their cell (`bidirectional/forward_lstm/lstm_cell_1/kernel:0`).
    `model.save_weights()` writes the same `model_weights` content at the file's root.
Attribute lists go through `save_attributes_to_hdf5_group` (`np.asarray` of the list), so a layer
without weights has an empty float64 array as `weight_names`.

Expected outputs are computed here in float64 numpy from the stored (float32 unless noted) weights,
with each layer's real maths: Keras LSTM gates in the order i, f, c, o; BatchNormalization in
inference mode (moving statistics, epsilon from the config); TensorFlow's correlation for convolutions.
"""

import json
import os
import subprocess

import h5py
import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'keras-h5')
BATCH = 3


def rng(seed):
    return np.random.default_rng(seed)


def weights(r, shape, scale=0.5, dtype=np.float32):
    # Rounded to 1/1024 so the values are exact in float16 as well as float32 and float64.
    return (np.round(r.normal(0, scale, shape) * 1024) / 1024).astype(dtype)


def inputs(r, shape):
    return (np.round(r.normal(0, 1, (BATCH, *shape)) * 256) / 256).astype(np.float32)


# --- the maths of each layer (float64) ---------------------------------------------------------------

def relu(x):
    return np.maximum(x, 0)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def dense(x, kernel, bias, activation=lambda v: v):
    return activation(x @ kernel.astype(np.float64) + bias.astype(np.float64))


def conv2d_nhwc(x, kernel, bias, padding):
    """TensorFlow's conv2d (a correlation), stride 1, kernel (rows, cols, in, out)."""
    kh, kw = kernel.shape[:2]
    if padding == 'same':
        x = np.pad(x, ((0, 0), ((kh - 1) // 2, kh // 2), ((kw - 1) // 2, kw // 2), (0, 0)))
    n, h, w, _ = x.shape
    out = np.zeros((n, h - kh + 1, w - kw + 1, kernel.shape[3]))
    for i in range(kh):
        for j in range(kw):
            out += np.einsum('nhwc,cf->nhwf', x[:, i:i + out.shape[1], j:j + out.shape[2], :], kernel[i, j].astype(np.float64))
    return out + bias.astype(np.float64)


def max_pool_nhwc(x, size=2):
    n, h, w, c = x.shape
    return x[:, : h // size * size, : w // size * size, :].reshape(n, h // size, size, w // size, size, c).max(axis=(2, 4))


def batch_norm(x, gamma, beta, mean, variance, epsilon=1e-3):
    g, b, m, v = (a.astype(np.float64) for a in (gamma, beta, mean, variance))
    return g * (x - m) / np.sqrt(v + epsilon) + b


def lstm(x, kernel, recurrent, bias, go_backwards=False):
    """Keras LSTM, return_sequences=False: gates i, f, c, o; sigmoid recurrent activation, tanh activation."""
    units = recurrent.shape[0]
    k, u, b = (a.astype(np.float64) for a in (kernel, recurrent, bias))
    h = np.zeros((x.shape[0], units))
    c = np.zeros((x.shape[0], units))
    steps = range(x.shape[1] - 1, -1, -1) if go_backwards else range(x.shape[1])
    for t in steps:
        z = x[:, t, :] @ k + h @ u + b
        i, f, g, o = (z[:, n * units:(n + 1) * units] for n in range(4))
        c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
        h = sigmoid(o) * np.tanh(c)
    return h


# --- HDF5 writing, as Keras does it ------------------------------------------------------------------

def json_bytes(value):
    return json.dumps(value).encode('utf8')


# h5py 2.x (what Keras 1, Keras 2.2 and tf.keras up to 2.4 ran on) stores `bytes` as fixed-length
# strings and lists of bytes as fixed-length string arrays; h5py 3.x stores both as variable-length
# strings. Python `str` is variable-length UTF-8 in both. The files below use both encodings.
H5PY2 = True
REPACK = False


def set_attr(obj, name, value, h5py2=None):
    """`obj.attrs[name] = value` as the h5py of the Keras version being imitated stores it."""
    fixed = H5PY2 if h5py2 is None else h5py2
    if fixed and isinstance(value, bytes):
        value = np.bytes_(value)
    elif fixed and isinstance(value, list) and value and isinstance(value[0], bytes):
        value = np.array(value, dtype=f'S{max(len(v) for v in value)}')
    obj.attrs[name] = value


def save_attributes(group, name, data):
    """`save_attributes_to_hdf5_group` (no chunking needed at these sizes)."""
    set_attr(group, name, data)


def write_layer_weights(f, layers, sort_groups):
    """`save_weights_to_hdf5_group`: layers is a list of (name, [(weight name, value), ...])."""
    for name, items in sorted(layers) if sort_groups else layers:
        g = f.create_group(name)
        names = [n.encode('utf8') for n, _ in items]
        save_attributes(g, 'weight_names', names)
        for n, value in items:
            if REPACK:
                g.create_dataset(n, data=value.astype(value.dtype.newbyteorder('>')), chunks=True, compression='gzip')
                continue
            d = g.create_dataset(n, value.shape, dtype=value.dtype)
            d[...] = value


def save_keras22(path, model_config, training_config, layers, optimizer_weights=()):
    """Keras 2.2.x `_serialize_model` through H5Dict (bytes everywhere, groups in model order)."""
    with h5py.File(path, 'w') as f:
        set_attr(f, 'keras_version', b'2.2.4')
        set_attr(f, 'backend', b'tensorflow')
        set_attr(f, 'model_config', json_bytes(model_config))
        group = f.create_group('model_weights')
        set_attr(group, 'layer_names', [name.encode('utf8') for name, _ in layers])
        set_attr(group, 'backend', b'tensorflow')
        set_attr(group, 'keras_version', b'2.2.4')
        write_layer_weights(group, layers, sort_groups=False)
        set_attr(f, 'training_config', json_bytes(training_config))
        if optimizer_weights:
            opt = f.create_group('optimizer_weights')
            set_attr(opt, 'weight_names', [n.encode('utf8') for n, _ in optimizer_weights])
            for n, value in optimizer_weights:
                d = opt.create_dataset(n, value.shape, dtype=value.dtype)
                d[()] = value


def save_tf_keras(path, model_config, training_config, layers, version='2.4.0'):
    """tf.keras 2.x `save_model_to_hdf5` (str metadata, JSON bytes, groups sorted by name)."""
    with h5py.File(path, 'w') as f:
        set_attr(f, 'keras_version', version)
        set_attr(f, 'backend', 'tensorflow')
        set_attr(f, 'model_config', json_bytes(model_config))
        if training_config is not None:
            set_attr(f, 'training_config', json_bytes(training_config))
        group = f.create_group('model_weights')
        save_tf_keras_weights(group, layers, version)


def save_tf_keras_weights(group, layers, version='2.4.0'):
    save_attributes(group, 'layer_names', [name.encode('utf8') for name, _ in layers])
    set_attr(group, 'backend', b'tensorflow')
    set_attr(group, 'keras_version', version.encode('utf8'))
    write_layer_weights(group, layers, sort_groups=True)


def save_keras1(path, model_config, training_config, layers):
    """Keras 1.2 `save_model` (no backend recorded, no keras_version in model_weights)."""
    with h5py.File(path, 'w') as f:
        set_attr(f, 'keras_version', b'1.2.2')
        set_attr(f, 'model_config', json_bytes(model_config))
        group = f.create_group('model_weights')
        set_attr(group, 'layer_names', [name.encode('utf8') for name, _ in layers])
        write_layer_weights(group, layers, sort_groups=False)
        set_attr(f, 'training_config', json_bytes(training_config))


# --- configs ------------------------------------------------------------------------------------------

GLOROT = {'class_name': 'VarianceScaling', 'config': {'scale': 1.0, 'mode': 'fan_avg', 'distribution': 'uniform', 'seed': None}}
ZEROS = {'class_name': 'Zeros', 'config': {}}
ONES = {'class_name': 'Ones', 'config': {}}


def dense_config(name, units, activation, **extra):
    return {
        'class_name': 'Dense',
        'config': {
            'name': name, 'trainable': True, **extra, 'units': units, 'activation': activation, 'use_bias': True,
            'kernel_initializer': GLOROT, 'bias_initializer': ZEROS, 'kernel_regularizer': None, 'bias_regularizer': None,
            'activity_regularizer': None, 'kernel_constraint': None, 'bias_constraint': None,
        },
    }


ADAM22 = {
    'optimizer_config': {'class_name': 'Adam', 'config': {'lr': 0.0010000000474974513, 'beta_1': 0.8999999761581421,
                                                          'beta_2': 0.9990000128746033, 'decay': 0.0, 'amsgrad': False}},
    'loss': 'categorical_crossentropy', 'metrics': ['accuracy'], 'weighted_metrics': None, 'sample_weight_mode': None,
    'loss_weights': None,
}
ADAM_TF = {
    'loss': 'categorical_crossentropy', 'metrics': ['accuracy'], 'weighted_metrics': None, 'loss_weights': None,
    'optimizer_config': {'class_name': 'Adam', 'config': {'name': 'Adam', 'learning_rate': 0.0010000000474974513, 'decay': 0.0,
                                                          'beta_1': 0.8999999761581421, 'beta_2': 0.9990000128746033,
                                                          'epsilon': 1e-07, 'amsgrad': False}},
}


def tensor_json(a):
    return {'shape': list(a.shape), 'data': [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]}


expected = {}


def record(name, xs, ys, total, trainable, keras_version, layers):
    expected[name] = {
        'kerasVersion': keras_version,
        'totalParams': total,
        'trainableParams': trainable,
        'layers': layers,
        'inputs': [tensor_json(x) for x in xs],
        'outputs': [tensor_json(y) for y in ys],
    }


# --- 1. Dense MLP, Sequential, Keras 2.2.4 ----------------------------------------------------------------

def make_mlp():
    r = rng(1)
    w1, b1 = weights(r, (4, 8)), weights(r, (8,), 0.1)
    w2, b2 = weights(r, (8, 3)), weights(r, (3,), 0.1)
    x = inputs(r, (4,))
    y = dense(dense(x, w1, b1, relu), w2, b2, softmax)
    config = {'class_name': 'Sequential', 'config': {'name': 'sequential_1', 'layers': [
        dense_config('dense_1', 8, 'relu', batch_input_shape=[None, 4], dtype='float32'),
        {'class_name': 'Dropout', 'config': {'name': 'dropout_1', 'trainable': True, 'rate': 0.25, 'noise_shape': None, 'seed': None}},
        dense_config('dense_2', 3, 'softmax'),
    ]}}
    layers = [
        ('dense_1', [('dense_1/kernel:0', w1), ('dense_1/bias:0', b1)]),
        ('dropout_1', []),
        ('dense_2', [('dense_2/kernel:0', w2), ('dense_2/bias:0', b2)]),
    ]
    # Adam's state as Keras 2.2 saves it: the step counter (int64 scalar), then m and v per weight.
    optimizer = [('Adam/iterations:0', np.array(120, dtype=np.int64)), ('Adam/lr:0', np.array(0.001, dtype=np.float32))]
    for i, (_, value) in enumerate([(n, v) for _, items in layers for n, v in items]):
        optimizer.append((f'training/Adam/Variable{"" if i == 0 else f"_{i}"}:0', np.zeros_like(value)))
    save_keras22(os.path.join(OUT, 'mlp-keras2.h5'), config, ADAM22, layers, optimizer)
    record('mlp-keras2.h5', [x], [y], 67, 67, '2.2.4', ['dense_1_input', 'dense_1', 'dropout_1', 'dense_2'])
    # The same file as a repacking tool may leave it (h5repack -f GZIP=6, big-endian data): chunked,
    # compressed, byte-swapped datasets, which Keras reads like any other.
    global REPACK
    REPACK = True
    save_keras22(os.path.join(OUT, 'mlp-repacked.h5'), config, ADAM22, layers)
    REPACK = False
    record('mlp-repacked.h5', [x], [y], 67, 67, '2.2.4', ['dense_1_input', 'dense_1', 'dropout_1', 'dense_2'])
    return config, layers


# --- 2. Small CNN, Sequential, tf.keras 2.4 ---------------------------------------------------------------

def make_cnn():
    r = rng(2)
    kernel, bias = weights(r, (3, 3, 2, 3)), weights(r, (3,), 0.1)
    gamma = (1 + weights(r, (3,), 0.2)).astype(np.float32)
    beta = weights(r, (3,), 0.2)
    mean = weights(r, (3,), 0.3)
    variance = (np.abs(weights(r, (3,), 0.5)) + 0.25).astype(np.float32)
    w, b = weights(r, (12, 4)), weights(r, (4,), 0.1)
    x = inputs(r, (4, 4, 2))
    h = relu(conv2d_nhwc(x.astype(np.float64), kernel, bias, 'same'))
    h = batch_norm(max_pool_nhwc(h), gamma, beta, mean, variance)
    y = dense(h.reshape(BATCH, -1), w, b, softmax)
    common = {'trainable': True, 'dtype': 'float32'}
    config = {'class_name': 'Sequential', 'config': {'name': 'sequential', 'layers': [
        {'class_name': 'InputLayer', 'config': {'batch_input_shape': [None, 4, 4, 2], 'dtype': 'float32', 'sparse': False,
                                                 'ragged': False, 'name': 'conv2d_input'}},
        {'class_name': 'Conv2D', 'config': {
            'name': 'conv2d', **common, 'batch_input_shape': [None, 4, 4, 2], 'filters': 3, 'kernel_size': [3, 3],
            'strides': [1, 1], 'padding': 'same', 'data_format': 'channels_last', 'dilation_rate': [1, 1], 'groups': 1,
            'activation': 'relu', 'use_bias': True, 'kernel_initializer': {'class_name': 'GlorotUniform', 'config': {'seed': None}},
            'bias_initializer': ZEROS, 'kernel_regularizer': None, 'bias_regularizer': None, 'activity_regularizer': None,
            'kernel_constraint': None, 'bias_constraint': None}},
        {'class_name': 'MaxPooling2D', 'config': {'name': 'max_pooling2d', **common, 'pool_size': [2, 2], 'padding': 'valid',
                                                  'strides': [2, 2], 'data_format': 'channels_last'}},
        {'class_name': 'BatchNormalization', 'config': {
            'name': 'batch_normalization', **common, 'axis': [3], 'momentum': 0.99, 'epsilon': 0.001, 'center': True,
            'scale': True, 'beta_initializer': ZEROS, 'gamma_initializer': ONES, 'moving_mean_initializer': ZEROS,
            'moving_variance_initializer': ONES, 'beta_regularizer': None, 'gamma_regularizer': None,
            'beta_constraint': None, 'gamma_constraint': None}},
        {'class_name': 'Flatten', 'config': {'name': 'flatten', **common, 'data_format': 'channels_last'}},
        dense_config('dense', 4, 'softmax', dtype='float32'),
    ]}}
    layers = [
        ('conv2d', [('conv2d/kernel:0', kernel), ('conv2d/bias:0', bias)]),
        ('max_pooling2d', []),
        # _legacy_weights: trainable weights first, then the moving statistics.
        ('batch_normalization', [('batch_normalization/gamma:0', gamma), ('batch_normalization/beta:0', beta),
                                 ('batch_normalization/moving_mean:0', mean),
                                 ('batch_normalization/moving_variance:0', variance)]),
        ('flatten', []),
        ('dense', [('dense/kernel:0', w), ('dense/bias:0', b)]),
    ]
    save_tf_keras(os.path.join(OUT, 'cnn-tf-keras.h5'), config, ADAM_TF, layers)
    record('cnn-tf-keras.h5', [x], [y], 57 + 12 + 52, 57 + 6 + 52, '2.4.0',
           ['conv2d_input', 'conv2d', 'max_pooling2d', 'batch_normalization', 'flatten', 'dense'])


# --- 3. Functional model, two inputs and a Concatenate, tf.keras 2.4 --------------------------------------

def inbound(*names):
    return [[[n, 0, 0, {}] for n in names]]


def make_functional():
    r = rng(3)
    wa, ba = weights(r, (4, 3)), weights(r, (3,), 0.1)
    wb, bb = weights(r, (2, 3)), weights(r, (3,), 0.1)
    wo, bo = weights(r, (6, 2)), weights(r, (2,), 0.1)
    xa, xb = inputs(r, (4,)), inputs(r, (2,))
    joined = np.concatenate([dense(xa, wa, ba, relu), dense(xb, wb, bb, np.tanh)], axis=-1)
    y = dense(joined, wo, bo, softmax)

    def layer(class_name, name, config, inbound_nodes):
        return {'class_name': class_name, 'config': {'name': name, 'trainable': True, 'dtype': 'float32', **config},
                'name': name, 'inbound_nodes': inbound_nodes}

    def input_layer(name, shape):
        return {'class_name': 'InputLayer', 'config': {'batch_input_shape': [None, *shape], 'dtype': 'float32',
                                                       'sparse': False, 'ragged': False, 'name': name},
                'name': name, 'inbound_nodes': []}

    dense_args = lambda units, activation: {k: v for k, v in dense_config('_', units, activation)['config'].items()
                                            if k not in ('name', 'trainable')}
    config = {'class_name': 'Functional', 'config': {'name': 'two_towers', 'layers': [
        input_layer('features', [4]),
        input_layer('context', [2]),
        layer('Dense', 'tower_a', dense_args(3, 'relu'), inbound('features')),
        layer('Dense', 'tower_b', dense_args(3, 'tanh'), inbound('context')),
        layer('Concatenate', 'join', {'axis': -1}, inbound('tower_a', 'tower_b')),
        layer('Dense', 'out', dense_args(2, 'softmax'), inbound('join')),
    ], 'input_layers': [['features', 0, 0], ['context', 0, 0]], 'output_layers': [['out', 0, 0]]}}
    layers = [
        ('features', []),
        ('context', []),
        ('tower_a', [('tower_a/kernel:0', wa), ('tower_a/bias:0', ba)]),
        ('tower_b', [('tower_b/kernel:0', wb), ('tower_b/bias:0', bb)]),
        ('join', []),
        ('out', [('out/kernel:0', wo), ('out/bias:0', bo)]),
    ]
    save_tf_keras(os.path.join(OUT, 'functional-two-inputs.h5'), config, ADAM_TF, layers)
    record('functional-two-inputs.h5', [xa, xb], [y], 15 + 9 + 14, 38, '2.4.0',
           ['features', 'context', 'tower_a', 'tower_b', 'join', 'out'])
    return layers


# --- 4. Bidirectional LSTM, tf.keras 2.3 (weights scoped by the LSTM cell) ---------------------------------

def make_bilstm():
    r = rng(4)
    units, features, steps = 4, 3, 5
    fw = [weights(r, (features, 4 * units)), weights(r, (units, 4 * units)), weights(r, (4 * units,), 0.2)]
    bw = [weights(r, (features, 4 * units)), weights(r, (units, 4 * units)), weights(r, (4 * units,), 0.2)]
    wd, bd = weights(r, (2 * units, 2)), weights(r, (2,), 0.1)
    x = inputs(r, (steps, features))
    xf = x.astype(np.float64)
    h = np.concatenate([lstm(xf, *fw), lstm(xf, *bw, go_backwards=True)], axis=-1)
    y = dense(h, wd, bd)
    lstm_config = {
        'name': 'lstm', 'trainable': True, 'dtype': 'float32', 'return_sequences': False, 'return_state': False,
        'go_backwards': False, 'stateful': False, 'unroll': False, 'time_major': False, 'units': units,
        'activation': 'tanh', 'recurrent_activation': 'sigmoid', 'use_bias': True, 'kernel_initializer': GLOROT,
        'recurrent_initializer': {'class_name': 'Orthogonal', 'config': {'gain': 1.0, 'seed': None}},
        'bias_initializer': ZEROS, 'unit_forget_bias': True, 'kernel_regularizer': None, 'recurrent_regularizer': None,
        'bias_regularizer': None, 'activity_regularizer': None, 'kernel_constraint': None, 'recurrent_constraint': None,
        'bias_constraint': None, 'dropout': 0.0, 'recurrent_dropout': 0.0, 'implementation': 2,
    }
    config = {'class_name': 'Sequential', 'config': {'name': 'sequential', 'layers': [
        {'class_name': 'InputLayer', 'config': {'batch_input_shape': [None, steps, features], 'dtype': 'float32',
                                                 'sparse': False, 'ragged': False, 'name': 'bidirectional_input'}},
        {'class_name': 'Bidirectional', 'config': {'name': 'bidirectional', 'trainable': True, 'dtype': 'float32',
                                                   'batch_input_shape': [None, steps, features],
                                                   'layer': {'class_name': 'LSTM', 'config': lstm_config},
                                                   'merge_mode': 'concat'}},
        dense_config('dense', 2, 'linear', dtype='float32'),
    ]}}
    parts = ('kernel', 'recurrent_kernel', 'bias')
    layers = [
        ('bidirectional',
         [(f'bidirectional/forward_lstm/lstm_cell_1/{p}:0', v) for p, v in zip(parts, fw)]
         + [(f'bidirectional/backward_lstm/lstm_cell_2/{p}:0', v) for p, v in zip(parts, bw)]),
        ('dense', [('dense/kernel:0', wd), ('dense/bias:0', bd)]),
    ]
    save_tf_keras(os.path.join(OUT, 'bilstm-tf-keras.h5'), config,
                  {**ADAM_TF, 'loss': 'mse', 'metrics': None}, layers, version='2.3.0-tf')
    per_direction = 4 * units * (features + units + 1)
    record('bilstm-tf-keras.h5', [x], [y], 2 * per_direction + 18, 2 * per_direction + 18, '2.3.0-tf',
           ['bidirectional_input', 'bidirectional', 'dense'])


# --- 5. Keras 1.2: Convolution2D in Theano ordering, W/b weight names, float64 weights ---------------------

def make_keras1():
    r = rng(5)
    f64 = np.float64
    kernel = weights(r, (2, 1, 3, 3), dtype=f64)  # (nb_filter, stack, rows, cols): dim_ordering 'th'
    bias = weights(r, (2,), 0.1, dtype=f64)
    w1, b1 = weights(r, (8, 4), dtype=f64), weights(r, (4,), 0.1, dtype=f64)
    gamma = (1 + weights(r, (4,), 0.2, dtype=f64))
    beta = weights(r, (4,), 0.2, dtype=f64)
    mean = weights(r, (4,), 0.3, dtype=f64)
    running_std = np.abs(weights(r, (4,), 0.5, dtype=f64)) + 0.25  # Keras 1 names the moving variance running_std
    w2, b2 = weights(r, (4, 2), dtype=f64), weights(r, (2,), 0.1, dtype=f64)
    x = inputs(r, (1, 6, 6))  # NCHW
    # TensorFlow backend, 'th' ordering: a correlation of NCHW input with the (F, C, rows, cols) kernel.
    nhwc = x.astype(f64).transpose(0, 2, 3, 1)
    h = relu(conv2d_nhwc(nhwc, kernel.transpose(2, 3, 1, 0), bias, 'valid'))
    h = max_pool_nhwc(h).transpose(0, 3, 1, 2)  # back to NCHW, then Flatten in that order
    h = dense(h.reshape(BATCH, -1), w1, b1)
    h = np.tanh(batch_norm(h, gamma, beta, mean, running_std))
    y = dense(h, w2, b2, softmax)
    none = {'W_regularizer': None, 'b_regularizer': None, 'activity_regularizer': None, 'W_constraint': None,
            'b_constraint': None, 'bias': True}
    config = {'class_name': 'Sequential', 'config': [
        {'class_name': 'Convolution2D', 'config': {
            'name': 'convolution2d_1', 'trainable': True, 'batch_input_shape': [None, 1, 6, 6], 'input_dtype': 'float32',
            'nb_filter': 2, 'nb_row': 3, 'nb_col': 3, 'init': 'glorot_uniform', 'activation': 'relu',
            'border_mode': 'valid', 'subsample': [1, 1], 'dim_ordering': 'th', **none}},
        {'class_name': 'MaxPooling2D', 'config': {'name': 'maxpooling2d_1', 'trainable': True, 'pool_size': [2, 2],
                                                  'strides': [2, 2], 'border_mode': 'valid', 'dim_ordering': 'th'}},
        {'class_name': 'Flatten', 'config': {'name': 'flatten_1', 'trainable': True}},
        {'class_name': 'Dense', 'config': {'name': 'dense_1', 'trainable': True, 'output_dim': 4, 'init': 'glorot_uniform',
                                           'activation': 'linear', 'input_dim': 8, **none}},
        {'class_name': 'BatchNormalization', 'config': {'name': 'batchnormalization_1', 'trainable': True, 'epsilon': 0.001,
                                                        'mode': 0, 'axis': -1, 'momentum': 0.99, 'gamma_regularizer': None,
                                                        'beta_regularizer': None}},
        {'class_name': 'Activation', 'config': {'name': 'activation_1', 'trainable': True, 'activation': 'tanh'}},
        {'class_name': 'Dense', 'config': {'name': 'dense_2', 'trainable': True, 'output_dim': 2, 'init': 'glorot_uniform',
                                           'activation': 'softmax', 'input_dim': 4, **none}},
    ]}
    training = {'optimizer_config': {'class_name': 'SGD', 'config': {'lr': 0.009999999776482582, 'momentum': 0.0,
                                                                     'decay': 0.0, 'nesterov': False}},
                'loss': 'categorical_crossentropy', 'metrics': ['accuracy'], 'sample_weight_mode': None, 'loss_weights': None}
    layers = [
        ('convolution2d_1', [('convolution2d_1_W:0', kernel), ('convolution2d_1_b:0', bias)]),
        ('maxpooling2d_1', []),
        ('flatten_1', []),
        ('dense_1', [('dense_1_W:0', w1), ('dense_1_b:0', b1)]),
        ('batchnormalization_1', [('batchnormalization_1_gamma:0', gamma), ('batchnormalization_1_beta:0', beta),
                                  ('batchnormalization_1_running_mean:0', mean),
                                  ('batchnormalization_1_running_std:0', running_std)]),
        ('activation_1', []),
        ('dense_2', [('dense_2_W:0', w2), ('dense_2_b:0', b2)]),
    ]
    save_keras1(os.path.join(OUT, 'cnn-keras1.h5'), config, training, layers)
    record('cnn-keras1.h5', [x], [y], 20 + 36 + 16 + 10, 20 + 36 + 8 + 10, '1.2.2',
           ['convolution2d_1_input', 'convolution2d_1', 'maxpooling2d_1', 'flatten_1', 'dense_1', 'batchnormalization_1',
            'activation_1', 'dense_2'])


# --- 6. Weights only: model.save_weights() of the functional model, float16, tf.keras 2.9 ----------------------------

def make_weights_only(functional_layers):
    global H5PY2
    H5PY2 = False  # tf.keras 2.5 and later run on h5py 3: variable-length strings throughout
    half = [(name, [(n, v.astype(np.float16)) for n, v in items]) for name, items in functional_layers]
    with h5py.File(os.path.join(OUT, 'weights-only.h5'), 'w') as f:
        save_tf_keras_weights(f, half, version='2.9.0')
    H5PY2 = True


# --- 7. Broken files: truncated, and an HDF5 file that is not a Keras model -------------------------------

def make_broken():
    with open(os.path.join(OUT, 'mlp-keras2.h5'), 'rb') as f:
        data = f.read()
    with open(os.path.join(OUT, 'truncated.h5'), 'wb') as f:
        f.write(data[: len(data) // 2])
    with h5py.File(os.path.join(OUT, 'not-keras.h5'), 'w') as f:
        set_attr(f, 'title', 'measurements')
        f.create_dataset('samples', data=np.arange(12, dtype=np.float32).reshape(3, 4))


def main():
    os.makedirs(OUT, exist_ok=True)
    make_mlp()
    make_cnn()
    functional_layers = make_functional()
    make_bilstm()
    make_keras1()
    make_weights_only(functional_layers)
    make_broken()
    path = os.path.join(OUT, 'expected.json')
    with open(path, 'w') as f:
        json.dump(expected, f, indent=2)
        f.write('\n')
    root = os.path.dirname(os.path.dirname(os.path.dirname(OUT)))
    if os.path.isdir(os.path.join(root, 'node_modules', '@biomejs')):
        subprocess.run(['npx', 'biome', 'format', '--write', path], cwd=root, check=True, capture_output=True)
    print('wrote', ', '.join(sorted(os.listdir(OUT))))


if __name__ == '__main__':
    main()
