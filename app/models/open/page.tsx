import { GraphModelWorkbench } from '@/components/graph-model/GraphModelWorkbench';
import { requireUser } from '@/server/auth/current-user';

export const metadata = { title: 'Open a graph model · NetCanvas' };

/** A TF.js graph model opened in the browser for prediction and its activations (the files never leave it). */
export default async function OpenGraphModelPage() {
  await requireUser('/models/open');
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Open a graph model</h1>
          <p className="muted">
            A TF.js graph model (<code>model.json</code> with <code>"format": "graph-model"</code>) is a frozen graph: it predicts, and you
            can look at what each of its nodes makes of an input, but it cannot be edited or fine-tuned.
          </p>
        </div>
      </div>
      <GraphModelWorkbench />
    </>
  );
}
