import { z } from 'zod';
import { GraphDocSchema, GraphEdgeSchema, GraphGroupSchema, GraphNodeSchema } from './schema';
import { StoredTrainingSchema, TrainingConfigSchema } from './training-config';

/**
 * An edit of a graph document as data (after xyflow's `NodeChange`): the editor's commands return
 * lists of these, the editor store applies them (`applyChanges`) and keeps their inverses
 * (`invertChanges`) for undo. They are plain JSON, so they can travel to a server or be mapped onto
 * a CRDT: every change names what it touches by id, and none cascades (removing a node does not
 * remove its edges; a command lists the edge removals itself).
 *
 * Optional fields are cleared with `unset` rather than `undefined` or `null`, because `undefined`
 * does not survive JSON and `null` is a real value of some settings (`earlyStopping: null`).
 */

const Id = z.string().min(1).max(200);
/** Where an added item goes in its list; omitted: at the end. Inverses of removals carry it, so undo restores the order. */
const Index = z.number().int().nonnegative().optional();

const NodeShape = GraphNodeSchema.shape;

/** The node fields an update may set: everything but the id. */
export const NodeFieldsSchema = z
  .object({
    type: NodeShape.type,
    params: z.record(z.string(), z.unknown()),
    position: NodeShape.position,
    name: NodeShape.name.unwrap(),
    trainable: NodeShape.trainable.unwrap(),
    groupId: NodeShape.groupId.unwrap(),
  })
  .partial()
  .strict();

/** Node fields that may be absent, so an update can clear them. */
export const OPTIONAL_NODE_FIELDS = ['name', 'trainable', 'groupId'] as const;

/** Every training setting's key, for clearing one (its default applies again). */
export const TRAINING_KEYS = Object.keys(TrainingConfigSchema.shape) as [
  keyof z.infer<typeof TrainingConfigSchema>,
  ...(keyof z.infer<typeof TrainingConfigSchema>)[],
];

/** Document-level fields besides nodes, edges, groups and training. */
export const DocFieldsSchema = z
  .object({ name: GraphDocSchema.shape.name.unwrap(), outputs: GraphDocSchema.shape.outputs.unwrap() })
  .partial()
  .strict();

export const ChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('node.add'), node: GraphNodeSchema, index: Index }).strict(),
  z.object({ kind: z.literal('node.remove'), id: Id }).strict(),
  z
    .object({
      kind: z.literal('node.update'),
      id: Id,
      set: NodeFieldsSchema,
      unset: z.array(z.enum(OPTIONAL_NODE_FIELDS)).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('edge.add'), edge: GraphEdgeSchema, index: Index }).strict(),
  z.object({ kind: z.literal('edge.remove'), id: Id }).strict(),
  /** Adds a group, or replaces the one with this id (rename, collapse) in place. */
  z.object({ kind: z.literal('group.set'), group: GraphGroupSchema, index: Index }).strict(),
  z.object({ kind: z.literal('group.remove'), id: Id }).strict(),
  /** Sets or clears training settings; the others are kept. No settings left: the document has none. */
  z
    .object({
      kind: z.literal('training.patch'),
      set: StoredTrainingSchema,
      unset: z.array(z.enum(TRAINING_KEYS)).optional(),
    })
    .strict(),
  /** Sets or clears the document's name or its explicit outputs. */
  z
    .object({
      kind: z.literal('doc.patch'),
      set: DocFieldsSchema,
      unset: z.array(z.enum(['name', 'outputs'])).optional(),
    })
    .strict(),
]);

export type Change = z.infer<typeof ChangeSchema>;
export type ChangeKind = Change['kind'];
export type NodeFields = z.infer<typeof NodeFieldsSchema>;
export type OptionalNodeField = (typeof OPTIONAL_NODE_FIELDS)[number];
export type TrainingKey = (typeof TRAINING_KEYS)[number];

/** A list of changes as it arrives from outside (a server, a peer): parsed strictly, with the first problem in words. */
export function parseChanges(input: unknown): { ok: true; changes: Change[] } | { ok: false; message: string } {
  const parsed = z.array(ChangeSchema).max(100_000).safeParse(input);
  if (parsed.success) return { ok: true, changes: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, message: `Not a valid list of changes${where}: ${issue?.message ?? 'invalid'}.` };
}
