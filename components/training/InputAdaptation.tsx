import type { GraphDoc } from '@/engine/graph/schema';
import { designFacts, type RankedDataset, shapeWords } from '@/engine/train/rank-datasets';
import type { DatasetChoice } from './DatasetPicker';

/**
 * When the chosen dataset does not take the design's input as it is, says so and offers the way
 * back: the best dataset that fits the design unchanged (the input is then left as it was).
 */
export function InputAdaptation({
  graph,
  chosenKey,
  ranked,
  choices,
  onChoose,
}: {
  graph: GraphDoc;
  chosenKey: string;
  ranked: RankedDataset[];
  choices: DatasetChoice[];
  onChoose(key: string): void;
}) {
  const chosen = ranked.find((r) => r.key === chosenKey);
  if (!chosen || chosen.fit === 'exact' || chosen.fit === 'unknown') return null;
  const { inputShape } = designFacts(graph);
  if (!inputShape) return null;
  const best = ranked.find((r) => r.fit === 'exact' && r.sameTask) ?? ranked.find((r) => r.fit === 'exact');
  const label = choices.find((c) => c.key === best?.key)?.label;
  return (
    <p className="note" data-testid="input-adaptation">
      {chosen.fit === 'adapted'
        ? `This design takes ${shapeWords(inputShape)}; its input will be adapted to this dataset for the run (the saved design is not changed). `
        : `This design takes ${shapeWords(inputShape)}, and it does not work with this dataset's samples even when its input is adapted. `}
      {best && label ? (
        <button type="button" className="button small" onClick={() => onChoose(best.key)}>
          Keep the design as it was: train on {label}
        </button>
      ) : (
        `No dataset here takes ${shapeWords(inputShape)} as it is.`
      )}
    </p>
  );
}
