import { z } from 'zod';
import { StoredTrainingSchema } from './training-config';

/** The format tag every graph document carries. */
export const GRAPH_FORMAT = 'netcanvas.graph';
/** The version this build writes. Bump it, and add a named step to `migrations.ts`, on any change. */
export const GRAPH_VERSION = 1;

const Id = z.string().min(1).max(200);

export const PositionSchema = z.object({ x: z.number().finite(), y: z.number().finite() }).strict();

export const GraphNodeSchema = z
  .object({
    id: Id,
    type: z.string().min(1).max(100),
    params: z.record(z.string(), z.unknown()).default({}),
    position: PositionSchema,
    name: z.string().min(1).max(200).optional(),
    trainable: z.boolean().optional(),
    groupId: Id.optional(),
    /** Another node whose layer (and so weights) this node uses again: one layer applied in several places. */
    sharesWeightsWith: Id.optional(),
  })
  .strict();

export const GraphEdgeSchema = z
  .object({
    id: Id,
    source: Id,
    sourceHandle: z.string().max(50).optional(),
    target: Id,
    targetHandle: z.string().max(50).optional(),
  })
  .strict();

export const GraphGroupSchema = z.object({ id: Id, name: z.string().min(1).max(200), collapsed: z.boolean().default(false) }).strict();

/**
 * The saved form of a diagram (contract). `outputs` is optional: without it the model's outputs are
 * the nodes nothing reads from, in document order. With it, it lists `nodeId` or `nodeId:port`
 * references in output order, so an intermediate tensor can also be an output.
 */
export const GraphDocSchema = z
  .object({
    format: z.literal(GRAPH_FORMAT),
    version: z.literal(GRAPH_VERSION),
    name: z.string().max(200).optional(),
    nodes: z.array(GraphNodeSchema).max(20000),
    edges: z.array(GraphEdgeSchema).max(50000),
    groups: z.array(GraphGroupSchema).optional(),
    outputs: z.array(z.string().min(1)).optional(),
    training: StoredTrainingSchema.optional(),
  })
  .strict();

export type GraphDoc = z.infer<typeof GraphDocSchema>;
export type GraphNode = z.infer<typeof GraphNodeSchema>;
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;
export type GraphGroup = z.infer<typeof GraphGroupSchema>;

/** An empty document of the current version. */
export function emptyGraph(name?: string): GraphDoc {
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, ...(name ? { name } : {}), nodes: [], edges: [] };
}
