'use client';

import { useMemo } from 'react';
import type { z } from 'zod';
import type { GraphDoc } from '@/engine/graph/schema';
import { type DatasetCandidate, type RankedDataset, rankDatasets } from '@/engine/train/rank-datasets';
import type { BuiltinInfoSchema } from '@/server/datasets/schemas';
import type { DatasetChoice } from './DatasetPicker';

type Builtin = z.infer<typeof BuiltinInfoSchema>;

/**
 * The dataset choices in the order they suit the design (engine/train/rank-datasets.ts). The team's
 * datasets come after the known fits: their shapes are known only once their meta is fetched.
 */
export function useDatasetRanking(graph: GraphDoc | null, choices: DatasetChoice[], builtins: Builtin[]): RankedDataset[] {
  // The choices are a new array on every render; their keys say whether they changed.
  const keys = choices.map((c) => c.key).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `keys` stands for `choices`
  return useMemo(() => {
    if (!graph) return [];
    const candidates: DatasetCandidate[] = choices.map((c) => {
      const builtin = 'builtin' in c.ref ? builtins.find((b) => b.name === (c.ref as { builtin: string }).builtin) : undefined;
      return { key: c.key, featureShape: builtin?.featureShape ?? null, task: builtin?.task ?? null };
    });
    return rankDatasets(graph, candidates);
  }, [graph, keys, builtins]);
}
