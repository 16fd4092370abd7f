import { useMemo } from 'react';
import type { DatasetMeta } from '@/engine/data/meta';
import type { GraphDoc } from '@/engine/graph/schema';
import type { TrainingConfigInput } from '@/engine/graph/training-config';
import { type ResolvedSettings, resolveSettings } from '@/engine/train/resolve-settings';

export type Resolved = ResolvedSettings | { problem: string; config: null; notes: ResolvedSettings['notes']; doc: GraphDoc };

/**
 * The settings a run would use: the graph's, the user's changes on top, the rest chosen for the
 * dataset — with the reasons in words. A graph that cannot fit the dataset gives the problem instead.
 */
export function useResolvedSettings(graph: GraphDoc | null, meta: DatasetMeta | null, overrides: TrainingConfigInput): Resolved | null {
  return useMemo(() => {
    if (!graph || !meta) return null;
    try {
      return resolveSettings(
        graph,
        {
          name: meta.name,
          task: meta.task,
          featureShape: meta.featureShape,
          labelSize: meta.labelSize,
          ...(meta.classes ? { classes: meta.classes } : {}),
          ...(meta.text ? { text: meta.text } : {}),
        },
        overrides,
      );
    } catch (error) {
      return { problem: (error as Error).message, config: null, notes: [], doc: graph };
    }
  }, [graph, meta, overrides]);
}
