import type { GraphModelInfo, GraphTensorInfo } from '@/engine/graph-model/graph-model-file';
import { shapeText } from '@/engine/graph-model/graph-model-input';

const count = (n: number) => n.toLocaleString('en-US');

/** What the opened graph model is: its inputs and outputs, operations and weights, and what "frozen" means for it. */
export function GraphModelFacts({ fileName, backend, info }: { fileName: string; backend: string; info: GraphModelInfo }) {
  return (
    <section className="panel stack graph-facts" aria-label="The model">
      <div>
        <h2>{fileName}</h2>
        <p className="small muted">
          TF.js graph model{info.convertedBy ? ` · converted by ${info.convertedBy}` : ''} · running on TF.js {backend}
        </p>
      </div>
      <p className="graph-frozen" data-testid="frozen-note">
        <strong>Frozen graph: prediction only.</strong> It holds operations, not layers, so it cannot be shown as a diagram, edited or
        fine-tuned. For a model you can edit, convert the original Keras model in the layers format:{' '}
        <code>tensorflowjs_converter --input_format keras --output_format tfjs_layers_model model.h5 out/</code>, then import{' '}
        <code>out/model.json</code> in a project's editor.
      </p>
      <TensorTable caption="Inputs" tensors={info.inputs} />
      <TensorTable caption="Outputs" tensors={info.outputs} />
      <div>
        <h3>
          {count(info.operations)} operations, {info.opTypes.length} types
        </h3>
        <ul className="graph-ops" aria-label="Operation types">
          {info.opTypes.map((t) => (
            <li key={t.op}>
              {t.op} <span className="muted">×{t.count}</span>
            </li>
          ))}
        </ul>
      </div>
      <p className="small">
        Weights: <strong>{count(info.weights.values)}</strong> values in {count(info.weights.tensors)} tensors, {count(info.weights.bytes)}{' '}
        bytes
      </p>
    </section>
  );
}

function TensorTable({ caption, tensors }: { caption: string; tensors: GraphTensorInfo[] }) {
  return (
    <table className="graph-tensors" aria-label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Shape</th>
          <th scope="col">Type</th>
        </tr>
      </thead>
      <tbody>
        {tensors.map((t) => (
          <tr key={t.name}>
            <td>
              <code>{t.name}</code>
            </td>
            <td>{shapeText(t.shape)}</td>
            <td>{t.dtype}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
