import { WeightPlanNote } from '@/components/training/WeightPlanNote';
import type { VersionWeights } from '@/server/weights/schemas';

/** Where a version's weights come from, in words (`gallery:mobilenet-v2/full` → "the gallery's mobilenet-v2"). */
export function weightsSourceWords(source: string): string {
  const [kind, rest = ''] = source.split(/:(.*)/s);
  if (kind === 'gallery') return `the gallery model ${rest.split('/')[0]}`;
  if (kind === 'import') return `the imported file ${rest}`;
  if (kind === 'run') return 'a trained run';
  return source;
}

/**
 * Before a run starts: it will start from the version's weights, and how they fit its layers (the
 * plan worked out when the version was saved; the run's own plan, after fitting the model to the
 * dataset, shows on its page).
 */
export function VersionWeightsNote({ weights }: { weights: VersionWeights }) {
  const from = weightsSourceWords(weights.source);
  if (!weights.plan) {
    return (
      <p className="note" data-testid="version-weights">
        Starts from the weights stored with this version ({from}): every layer pretrained.
      </p>
    );
  }
  return <WeightPlanNote plan={weights.plan} title={`Starts from the weights stored with this version (${from})`} />;
}
