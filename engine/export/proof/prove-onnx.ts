import type * as tfjs from '@tensorflow/tfjs';
import { compareOutputs, type ModelOutput } from './compare-outputs';
import type { OnnxRuntime, OnnxSession } from './onnx-runtime';
import { predictTfjs } from './predict-tfjs';
import { type ExportProof, failedProof, predictionProof } from './proof';
import type { SampleInput } from './sample-inputs';

/**
 * Loads an exported ONNX file in ONNX Runtime and compares its predictions on `inputs` with the TF.js
 * model it was exported from. The file keeps the design's channels-last layout, so both take the same
 * tensors and give outputs of the same shapes, in the same order.
 *
 * @example
 * const proof = await proveOnnx(tf, model, bytes, sampleInputs(model), await import('onnxruntime-node'));
 * proof.message // 'Checked: reloaded in ONNX Runtime, predictions match TF.js within 3.1e-7 on 4 samples.'
 */
export async function proveOnnx(
  tf: typeof tfjs,
  original: tfjs.LayersModel,
  bytes: Uint8Array,
  inputs: readonly SampleInput[],
  ort: OnnxRuntime,
): Promise<ExportProof> {
  let session: OnnxSession;
  try {
    session = await ort.InferenceSession.create(bytes);
  } catch (error) {
    return failedProof('onnx', 'ONNX Runtime', 'load the file', error);
  }
  try {
    if (session.inputNames.length !== inputs.length)
      return failedProof('onnx', 'ONNX Runtime', 'feed the file', `it has ${session.inputNames.length} inputs, the model ${inputs.length}`);
    const feeds: Record<string, unknown> = {};
    session.inputNames.forEach((name, i) => {
      const x = inputs[i] as SampleInput;
      feeds[name] = new ort.Tensor(x.data instanceof Int32Array ? 'int32' : 'float32', x.data, x.shape);
    });
    const results = await session.run(feeds as Record<string, never>);
    const actual: ModelOutput[] = session.outputNames.map((name) => {
      const t = results[name];
      return { data: (t?.data ?? []) as ArrayLike<number>, shape: [...(t?.dims ?? [])] };
    });
    const expected = predictTfjs(tf, original, inputs);
    const names = session.outputNames.map((n) => n.replace(/_output$/, ''));
    return predictionProof('onnx', 'ONNX Runtime', 'TF.js', inputs[0]?.shape[0] ?? 0, compareOutputs(expected, actual, names));
  } catch (error) {
    return failedProof('onnx', 'ONNX Runtime', 'run the file', error);
  } finally {
    await session.release();
  }
}
