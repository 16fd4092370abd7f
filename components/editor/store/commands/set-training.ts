import type { Change, TrainingKey } from '../../../../engine/graph/changes';
import { type TrainingConfig, TrainingConfigSchema } from '../../../../engine/graph/training-config';
import { defineCommand, NOTHING, refuse } from '../command';
import { sameContent } from '../content-hash';

export interface SetTrainingArgs {
  /** Settings to change; `undefined` removes one so its default applies. */
  patch: { [K in keyof TrainingConfig]?: TrainingConfig[K] | undefined };
}

const PartialTraining = TrainingConfigSchema.partial();

/**
 * Changes training settings (optimizer, learning rate, loss, epochs…). Unlike layer params these are
 * checked before they are stored, since a document with invalid training settings would not load.
 */
export const setTraining = defineCommand<SetTrainingArgs>({
  id: 'setTraining',
  label: 'Change training settings',
  group: 'document',
  canRun: (_state, args) => PartialTraining.safeParse(strip(args.patch)).success,
  perform(state, args) {
    const checked = PartialTraining.safeParse(strip(args.patch));
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      return refuse(`Training setting${field ? ` "${field}"` : ''} is not valid: ${issue?.message ?? 'invalid value'}.`);
    }
    const current: Record<string, unknown> = state.doc.training ?? {};
    const keys = Object.keys(args.patch) as TrainingKey[];
    const changed = keys.filter((key) => !sameContent(current[key], args.patch[key]));
    if (changed.length === 0) return NOTHING;
    const set = Object.fromEntries(changed.filter((key) => args.patch[key] !== undefined).map((key) => [key, args.patch[key]]));
    const unset = changed.filter((key) => args.patch[key] === undefined);
    const change: Change = { kind: 'training.patch', set, ...(unset.length > 0 ? { unset } : {}) };
    return { changes: [change], undoable: true, coalesceKey: `training:${keys.sort().join(',')}` };
  },
});

/** Only the fields being set are validated (an `undefined` field is a reset, always allowed). */
function strip(patch: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
}
