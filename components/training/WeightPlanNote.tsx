import { describeLoadPlan, type WeightLoadPlan } from '@/engine/train/load-plan';

const WORDS: Record<WeightLoadPlan['layers'][number]['status'], string> = {
  loaded: 'loaded',
  fresh: 'fresh: a new layer',
  shape_mismatch: 'fresh: shape changed',
  missing: 'fresh: weights missing',
};

/**
 * How the weights of the run this one continues from were loaded, in one line and layer by layer:
 * layers are matched by node, so a renamed layer keeps its weights and a replaced one starts fresh.
 */
export function WeightPlanNote({ plan, title = 'Weights from the earlier run' }: { plan: WeightLoadPlan; title?: string }) {
  return (
    <details className="note" data-testid="weight-plan">
      <summary>
        {title}: {describeLoadPlan(plan)}.
      </summary>
      <ul className="small">
        {plan.layers.map((layer) => (
          <li key={layer.nodeId} data-status={layer.status}>
            {layer.label}: {WORDS[layer.status]}
            {layer.detail ? ` (${layer.detail})` : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}
