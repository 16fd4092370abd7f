import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { nodeTf } from '../../../engine/backends/node-tf';
import { assignWeights } from '../../../engine/compile/assign-weights';
import { compileGraph } from '../../../engine/compile/compile';
import { kerasPython } from '../../../engine/export/keras-python';
import { importTopology } from '../../../engine/import/import-model';
import { exportOnnx } from '../../../engine/onnx/export/export-onnx';
import { relativeError, runOnnx, sampleInput } from '../../support/onnx-runtime';

let tf: Awaited<ReturnType<typeof nodeTf>>;
beforeAll(async () => {
  tf = await nodeTf();
});

/** The encoder–decoder of the tfjs-examples translation model, small: the decoder LSTM starts from the encoder's states. */
function encoderDecoder(cell: 'lstm' | 'gru') {
  const encoderInput = tf.input({ shape: [5, 4], name: 'encoder_inputs' });
  const decoderInput = tf.input({ shape: [6, 3], name: 'decoder_inputs' });
  const layer = (args: { returnState?: boolean; returnSequences?: boolean; name: string }) =>
    cell === 'lstm' ? tf.layers.lstm({ units: 7, ...args }) : tf.layers.gru({ units: 7, ...args });
  const [, ...states] = layer({ returnState: true, name: 'encoder' }).apply(encoderInput) as ReturnType<typeof tf.input>[];
  const decoded = layer({ returnSequences: true, name: 'decoder' }).apply([decoderInput, ...(states as ReturnType<typeof tf.input>[])]);
  const output = tf.layers.dense({ units: 3, activation: 'softmax', name: 'decoder_dense' }).apply(decoded) as ReturnType<typeof tf.input>;
  return tf.model({ inputs: [encoderInput, decoderInput], outputs: output, name: 'seq2seq' });
}

describe('recurrent layers called with initial states [x, state_h, state_c]', () => {
  for (const cell of ['lstm', 'gru'] as const) {
    it(`${cell}: imports, compiles and predicts like the original, and exports to ONNX Runtime and Keras`, async () => {
      const original = encoderDecoder(cell);
      const imported = importTopology({ format: 'layers-model', modelTopology: original.toJSON(null, false) });
      expect(imported.diagnostics).toEqual([]);
      const doc = imported.doc;
      if (!doc) throw new Error('no graph');
      const analysis = analyse(doc);
      expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(analysis.totals.params).toBe(original.countParams());
      const compiled = compileGraph(tf, doc, analysis);
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
      const weights = Object.fromEntries(original.weights.map((w) => [w.originalName, w.read()]));
      expect(assignWeights(compiled.model, weights).ok).toBe(true);
      const inputs = [sampleInput([null, 5, 4], 'float32', 1), sampleInput([null, 6, 3], 'float32', 2)];
      const tensors = inputs.map((x) => tf.tensor(x.data, x.shape));
      const expected = (original.predict(tensors) as ReturnType<typeof tf.tensor>).dataSync();
      const got = (compiled.model.predict(tensors) as ReturnType<typeof tf.tensor>).dataSync();
      expect(relativeError(got, expected)).toBeLessThan(1e-6);

      const onnx = exportOnnx(doc, analysis, compiled.model);
      if (!onnx.ok) throw new Error(JSON.stringify(onnx.diagnostics));
      const [fromOnnx] = await runOnnx(onnx.bytes, inputs);
      expect(relativeError(fromOnnx?.data ?? [], expected)).toBeLessThan(1e-4);

      const code = kerasPython(doc, analysis);
      expect(code).toMatch(
        cell === 'lstm' ? /\(decoder_inputs, initial_state=\[encoder\[1\], encoder\[2\]\]\)/ : /initial_state=\[encoder\[1\]\]/,
      );
      const file = join(mkdtempSync(join(tmpdir(), 'netcanvas-rnn-')), 'model.py');
      writeFileSync(file, code);
      execFileSync('python3', ['-m', 'py_compile', file]);
      tf.dispose(tensors);
      original.dispose();
      compiled.model.dispose();
    });
  }

  it('refuses an LSTM given only one of its two states, on the state port, with a clear message', () => {
    const doc = importTopology({ format: 'layers-model', modelTopology: encoderDecoder('lstm').toJSON(null, false) }).doc;
    if (!doc) throw new Error('no graph');
    const cut = { ...doc, edges: doc.edges.filter((e) => !(e.target === 'decoder' && e.sourceHandle === 'out:2')) };
    const problem = analyse(cut).diagnostics.find((d) => d.nodeId === 'decoder');
    expect(problem?.message).toMatch(/LSTM has 2 states; given initial states, it needs all of them \(state_h and state_c\), but has 1/);
  });
});
