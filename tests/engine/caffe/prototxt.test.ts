import { describe, expect, it } from 'vitest';
import { importCaffe } from '../../../engine/caffe/import-caffe';
import { field, fields, isMessage, parseTextProto, TextFormatError } from '../../../engine/caffe/prototxt';

describe('protobuf text format', () => {
  it('reads fields, nested messages, repeated values, comments and every scalar form', () => {
    const m = parseTextProto(`
      name: "net" # a comment
      input_dim: 1 input_dim: 3
      layer { name: 'a' type: "Convolution" convolution_param: { num_output: 8 kernel_size: [3, 3] } }
      layer < name: "b" bias_term: false ratio: 2.5e-1 pool: MAX inf_value: -inf >
      text: "one " "two"
      escaped: "say \\"hi\\""
    `);
    expect(field(m, 'name')).toBe('net');
    expect(fields(m, 'input_dim')).toEqual([1, 3]);
    const [a, b] = fields(m, 'layer');
    if (!isMessage(a) || !isMessage(b)) throw new Error('layers are messages');
    const conv = field(a, 'convolution_param');
    expect(isMessage(conv) && fields(conv, 'kernel_size')).toEqual([3, 3]);
    expect(field(b, 'bias_term')).toBe(false);
    expect(field(b, 'ratio')).toBe(0.25);
    expect(field(b, 'pool')).toBe('MAX');
    expect(field(b, 'inf_value')).toBe(Number.NEGATIVE_INFINITY);
    expect(field(m, 'text')).toBe('one two');
    expect(field(m, 'escaped')).toBe('say "hi"');
  });

  it('names the line of a mistake', () => {
    expect(() => parseTextProto('layer {\n  name: "a"\n')).toThrow(TextFormatError);
    expect(() => parseTextProto('a: 1\nb: "open\n')).toThrow(/line 2/);
    expect(() => parseTextProto('a: @')).toThrow(/line 1: unexpected "@"/);
  });

  it('turns a broken or empty prototxt into a clear import error, never an exception', () => {
    for (const [text, message] of [
      ['layer { name: "x"', /not valid protobuf text: line 1/],
      ['name: "empty"', /defines no layers/],
      ['layer { name: "c" type: "ReLU" bottom: "data" top: "c" }', /declares no input/],
    ] as const) {
      const imported = importCaffe(text);
      expect(imported.ok).toBe(false);
      expect(imported.diagnostics[0]?.message).toMatch(message);
    }
  });

  it('keeps an unknown layer type as a placeholder that names it, and imports the rest', () => {
    const imported = importCaffe(`
      input: "data" input_shape { dim: 1 dim: 3 dim: 8 dim: 8 }
      layer { name: "conv" type: "Convolution" bottom: "data" top: "conv" convolution_param { num_output: 4 kernel_size: 3 } }
      layer { name: "power" type: "Power" bottom: "conv" top: "power" }
      layer { name: "relu" type: "ReLU" bottom: "power" top: "power" }`);
    expect(imported.ok).toBe(true);
    const types = imported.doc?.nodes.map((n) => (n.type === 'unsupported' ? `unsupported:${n.params.className}` : n.type));
    expect(types).toEqual(['input', 'conv2d', 'unsupported:Power', 'activation']);
    expect(imported.diagnostics.find((d) => d.code === 'import_placeholder')?.message).toMatch(
      /Caffe Power "power".*layer type Power has no NetCanvas layer/,
    );
  });
});
