import { z } from 'zod';
import { BUILTIN_DATASETS } from '@/engine/data/builtins';
import { TASK_IDS } from '@/engine/tasks/registry';

const Id = z.string().min(1).max(100);

export const BuiltinParams = z.object({ name: z.string().min(1).max(100) });
export const DatasetParams = z.object({ datasetId: Id });
export const TeamDatasetsParams = z.object({ teamId: Id });
export const VersionParams = z.object({ datasetId: Id, number: z.coerce.number().int().positive() });
export const SampleParams = VersionParams.extend({ index: z.coerce.number().int().min(0) });

/** `?split=train&offset=0&limit=32&seed=7` of the batches endpoints. */
export const BatchQuery = z.object({
  split: z.enum(['train', 'validation', 'test', 'unlabelled']).default('train'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(4096).default(32),
  seed: z.coerce.number().int().optional(),
});
export type BatchQuery = z.infer<typeof BatchQuery>;

/** Built-ins also take `dataSeed`, the seed a generated set (spiral, xor, …) is drawn with. */
export const BuiltinBatchQuery = BatchQuery.extend({ dataSeed: z.coerce.number().int().optional() });
export const BuiltinMetaQuery = z.object({ dataSeed: z.coerce.number().int().optional() });

export const BuiltinInfoSchema = z.object({
  name: z.string(),
  title: z.string(),
  kind: z.enum(['image', 'tabular', 'sequence', 'text']),
  task: z.enum(TASK_IDS),
  description: z.string(),
  source: z.string(),
  license: z.string(),
});
export const BuiltinListSchema = z.object({ datasets: z.array(BuiltinInfoSchema) });

export const BUILTINS = BUILTIN_DATASETS;
