'use client';

import { AugmentationConfigSchema } from '@/engine/data/augment';
import { TrainingConfigSchema } from '@/engine/graph/training-config';
import { SchemaFields } from './SchemaFields';

export interface TrainSettingsProps {
  /** The resolved settings; `null` until a dataset is picked (or when the graph cannot fit it). */
  config: object | null;
  /** Why each setting has its value, by field. */
  notes: Record<string, string>;
  busy: boolean;
  onChange(key: string, value: unknown): void;
  /** Whether anything was changed here (the reset and keep buttons show). */
  changed: boolean;
  onReset(): void;
  /** Keeping the changes in the design is offered (an editor, training the newest version). */
  canKeep: boolean;
  onKeep(): void;
  keepNote: string | null;
  /** Image datasets also get the augmentation form. */
  images: boolean;
  augmentation: Record<string, unknown>;
  augmentationOn: boolean;
  onAugmentation(key: string, value: unknown): void;
}

/**
 * The settings step of the Train tab: the form generated from the settings schema, filled for the
 * dataset with the reasons in words, the image augmentation, and keeping the changes in the design.
 */
export function TrainSettings(props: TrainSettingsProps) {
  const { busy } = props;
  return (
    <section className="panel train-settings" aria-label="Training settings">
      <h2>Settings</h2>
      {props.config ? (
        <SchemaFields
          idPrefix="setting"
          schema={TrainingConfigSchema}
          value={props.config as Record<string, unknown>}
          notes={props.notes}
          disabled={busy}
          onChange={props.onChange}
        />
      ) : (
        <p className="muted">Pick a dataset to see the settings chosen for it.</p>
      )}
      {props.images ? (
        <details className="augmentation">
          <summary>Augmentation of training images {props.augmentationOn ? '(on)' : '(off)'}</summary>
          <SchemaFields
            idPrefix="augment"
            schema={AugmentationConfigSchema}
            value={AugmentationConfigSchema.parse(props.augmentation) as unknown as Record<string, unknown>}
            disabled={busy}
            onChange={props.onAugmentation}
          />
        </details>
      ) : null}
      {props.changed ? (
        <div className="train-actions">
          <button type="button" className="button small" onClick={props.onReset} disabled={busy}>
            Back to the defaults
          </button>
          {props.canKeep ? (
            <button type="button" className="button small" onClick={props.onKeep} disabled={busy}>
              Keep these settings in the design
            </button>
          ) : null}
        </div>
      ) : null}
      {props.keepNote ? (
        <p className="muted small" role="status">
          {props.keepNote}
        </p>
      ) : null}
    </section>
  );
}
