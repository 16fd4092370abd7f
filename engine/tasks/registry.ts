import { classification } from './classification';
import { detection } from './detection';
import { reconstruction } from './reconstruction';
import { regression } from './regression';
import { segmentation } from './segmentation';
import type { AnyTaskSpec, ResultOf } from './spec';
import { textClassification } from './text-classification';

/**
 * Every task NetCanvas can train, keyed by its stable id. Adding a task means one spec file and one
 * line here (see README.md); dataset metadata, the Train page, the trainer and evaluation follow.
 */
export const TASKS = {
  classification,
  regression,
  segmentation,
  reconstruction,
  detection,
  'text-classification': textClassification,
} satisfies Record<string, AnyTaskSpec>;

/** The id of a registered task, as dataset metadata stores it. */
export type TaskId = keyof typeof TASKS;

/** The task ids, for `z.enum` (dataset metadata stores them). */
export const TASK_IDS = Object.keys(TASKS) as [TaskId, ...TaskId[]];

/** What evaluating a trained model gives, for every registered task: tell them apart by `kind`. */
export type Evaluation = ResultOf<(typeof TASKS)[TaskId]>;

/**
 * A dataset's task as training receives it: a registered id (what stored metadata holds) or a spec
 * handed over directly, for a task that is not registered (a new one under test, say).
 */
export type TaskRef = TaskId | AnyTaskSpec;

const byId: ReadonlyMap<string, AnyTaskSpec> = new Map(Object.entries(TASKS));

/** The spec of a task. An id this build does not know is a programming error (metadata is parsed first). */
export function taskSpec(ref: TaskRef): AnyTaskSpec {
  if (typeof ref !== 'string') return ref;
  const spec = byId.get(ref);
  if (!spec) throw new Error(`Unknown task "${ref}"; this build knows ${TASK_IDS.join(', ')}.`);
  return spec;
}

/** The first registered task whose labels a table's label column of this type holds (class names or numbers). */
export function taskForTableLabel(type: 'categorical' | 'numeric'): TaskId {
  const id = TASK_IDS.find((t) => TASKS[t].tableLabel === type);
  if (!id) throw new Error(`No registered task takes a ${type} label column.`);
  return id;
}

/** Every registered task, in registry order. */
export function allTaskSpecs(): AnyTaskSpec[] {
  return [...byId.values()];
}
