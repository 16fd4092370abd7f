import { z } from 'zod';
import { WeightLoadPlanSchema } from '@/engine/train/load-plan';

const Id = z.string().min(1).max(100);

export const RunParams = z.object({ runId: Id });

/** A version's weights as the editor, the Train tab and the exports read them (the bytes are at `…/weights.bin`). */
export const VersionWeightsSchema = z.object({
  /** Where they come from: `gallery:…`, `import:<file>`, `run:<id>`. */
  source: z.string(),
  /** Size of the weights.bin. */
  bytes: z.number().int().nonnegative(),
  /** TF.js weights manifest entries, in the bytes' order. */
  specs: z.array(z.object({ name: z.string(), shape: z.array(z.number().int()), dtype: z.string() })),
  /** TF.js layer name (as in `specs`) → node id. */
  layerNodes: z.record(z.string(), z.string()),
  /** How they fit this version's graph; null when every layer of it loads. */
  plan: WeightLoadPlanSchema.nullable(),
});
export type VersionWeights = z.infer<typeof VersionWeightsSchema>;

/** The answer of GET …/weights: null when the version has no weights (it trains from its initialisers). */
export const VersionWeightsAnswer = z.object({ weights: VersionWeightsSchema.nullable() });

/** The version "Open in editor with these weights" made. */
export const OpenedWithWeightsSchema = z.object({ projectId: z.string(), number: z.number().int() });
