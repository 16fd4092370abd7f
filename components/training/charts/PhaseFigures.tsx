import { StoredTrainingSchema } from '@/engine/graph/training-config';
import type { EpochRecord } from '@/engine/train/epoch-record';
import { phaseTwoStart } from '@/engine/train/fine-tuning';

/** Where phase 2 starts by a stored run's settings (`config.training`), or null without fine-tuning there. */
export function phaseTwoFromSettings(config: Record<string, unknown>): number | null {
  const parsed = StoredTrainingSchema.safeParse(config.training ?? {});
  if (!parsed.success || !parsed.data.fineTuning || parsed.data.epochs === undefined) return null;
  return phaseTwoStart({ fineTuning: parsed.data.fineTuning, epochs: parsed.data.epochs });
}

/** The 0-based epoch phase 2 began at: from the records' phases, else from the run's settings. */
export function phaseTwoEpoch(epochs: readonly EpochRecord[], fromSettings?: number | null): number | null {
  const recorded = epochs.find((e) => e.phase === 2)?.epoch;
  if (recorded !== undefined) return recorded;
  if (fromSettings === null || fromSettings === undefined) return null;
  return epochs.some((e) => e.epoch >= fromSettings) ? fromSettings : null;
}

const FIGURES = ['loss', 'accuracy', 'valLoss', 'valAccuracy'] as const;
const WORDS: Record<(typeof FIGURES)[number], string> = {
  loss: 'loss',
  accuracy: 'accuracy',
  valLoss: 'validation loss',
  valAccuracy: 'validation accuracy',
};

/**
 * The figures of each phase of a two-phase fine-tuning run: its epochs and the figures of its last
 * epoch, so "did unfreezing help" reads at a glance.
 */
export function PhaseFigures({ epochs, start }: { epochs: readonly EpochRecord[]; start: number }) {
  const phases = [
    { label: 'Phase 1 (head only)', records: epochs.filter((e) => e.epoch < start) },
    { label: 'Phase 2 (top layers unfrozen, lower rate)', records: epochs.filter((e) => e.epoch >= start) },
  ].filter((p) => p.records.length > 0);
  return (
    <table className="phase-figures" data-testid="phase-figures">
      <thead>
        <tr>
          <th scope="col">Phase</th>
          <th scope="col">Epochs</th>
          {FIGURES.map((key) => (
            <th key={key} scope="col">
              {WORDS[key]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {phases.map(({ label, records }) => {
          const last = records.at(-1) as EpochRecord;
          return (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>
                {(records[0]?.epoch ?? 0) + 1}–{last.epoch + 1}
              </td>
              {FIGURES.map((key) => (
                <td key={key}>{last.metrics[key] === undefined ? '—' : (last.metrics[key] as number).toFixed(3)}</td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
