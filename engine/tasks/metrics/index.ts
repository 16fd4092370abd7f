import { accuracy } from './accuracy';
import { centreRecall } from './detection';
import { mae, mse } from './errors';
import { meanIou, psnr, ssim } from './overlap';
import type { AnyMetricSpec } from './spec';

/**
 * Every metric a graph document can name, keyed by its stable id. Adding one means one
 * `defineMetric` and one line here; the tasks that report it list it in their spec.
 */
export const METRICS = { accuracy, mae, mse, meanIou, psnr, ssim, centreRecall } satisfies Record<string, AnyMetricSpec>;

/** The id of a registered metric, as graph documents store it. */
export type MetricId = keyof typeof METRICS;

/** The metric ids, for `z.enum` (graph documents store them). */
export const METRIC_IDS = Object.keys(METRICS) as [MetricId, ...MetricId[]];

const byId: ReadonlyMap<string, AnyMetricSpec> = new Map(Object.entries(METRICS));

/** The spec of a registered metric, or `undefined` for ids this build does not know. */
export function metricSpec(id: string): AnyMetricSpec | undefined {
  return byId.get(id);
}
