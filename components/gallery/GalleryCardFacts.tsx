import type { GalleryCard } from '@/engine/gallery/card';
import { accuracyText, sizeText } from './format-card';

/** A gallery model's card as a list of facts: task, input, classes, accuracy and on what, size, source, license. */
export function GalleryCardFacts({ card }: { card: GalleryCard }) {
  return (
    <dl>
      <dt>Task</dt>
      <dd>{card.task}</dd>
      <dt>Input</dt>
      <dd>{card.input}</dd>
      <dt>Classes</dt>
      <dd>{card.classes.join(', ')}</dd>
      <dt>Test accuracy</dt>
      <dd data-testid="card-accuracy">
        <strong>{accuracyText(card)}</strong> <span className="muted small">{card.accuracy.split}</span>
      </dd>
      <dt>Size</dt>
      <dd>{sizeText(card)}</dd>
      <dt>Source</dt>
      <dd>{card.source}</dd>
      <dt>License</dt>
      <dd>{card.license}</dd>
      {card.trainedBy ? (
        <>
          <dt>Rerun</dt>
          <dd>
            <code>npx tsx {card.trainedBy.script}</code> (seed {card.trainedBy.seed}, {card.trainedBy.epochs} epochs)
          </dd>
        </>
      ) : null}
    </dl>
  );
}
