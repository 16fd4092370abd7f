import { z } from 'zod';
import type { SplitName } from '../data/batch-source';
import { SPLIT } from '../data/dataset';
import type { ClassificationEvaluation } from './confusion';
import type { DetectionEvaluation } from './detection-evaluation';
import type { SegmentationEvaluation } from './mask-overlap';
import type { ReconstructionEvaluation } from './rebuild-quality';
import type { Evaluation } from './registry';
import type { RegressionEvaluation } from './residuals';

/**
 * What an evaluation must look like to be stored or shown: the run page draws it as it is, so a
 * finish call may not send anything else, and a stored one is parsed before it is drawn.
 */
const SplitSchema = z.enum(Object.keys(SPLIT) as [SplitName, ...SplitName[]]);
const count = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);
const finite = z.number().finite();
/** A page draws at most this many samples or points; more is not an evaluation of ours. */
const MAX_ITEMS = 10_000;
/** Values of one sample's picture, mask or output (a 256×256×3 image is 196,608). */
const values = (item: z.ZodNumber) => z.array(item).max(1_000_000);

const ClassificationEvaluationSchema = z
  .object({
    kind: z.literal('classification'),
    split: SplitSchema,
    classes: z.array(z.string().max(200)).max(1000),
    matrix: z.array(z.array(count).max(1000)).max(1000),
    perClass: z.array(z.object({ label: z.string().max(200), accuracy: finite.nullable(), count })).max(1000),
    accuracy: finite,
    count,
    samples: z.array(z.object({ features: values(finite), actual: count, predicted: count, confidence: finite })).max(MAX_ITEMS),
    featureShape: z.array(z.number().int().min(0)).max(8),
  })
  .strict() satisfies z.ZodType<ClassificationEvaluation>;

const RegressionEvaluationSchema = z
  .object({
    kind: z.literal('regression'),
    split: SplitSchema,
    points: z.array(z.object({ actual: finite, predicted: finite })).max(MAX_ITEMS),
    mae: finite,
    rmse: finite,
    count,
  })
  .strict() satisfies z.ZodType<RegressionEvaluation>;

const SegmentationEvaluationSchema = z
  .object({
    kind: z.literal('segmentation'),
    split: SplitSchema,
    classes: z.array(z.string().max(200)).max(1000),
    perClass: z.array(z.object({ label: z.string().max(200), iou: finite.nullable(), pixels: count })).max(1000),
    meanIou: finite,
    pixelAccuracy: finite,
    count,
    samples: z.array(z.object({ features: values(finite), truth: values(count), predicted: values(count) })).max(MAX_ITEMS),
    featureShape: z.array(z.number().int().min(0)).max(8),
  })
  .strict() satisfies z.ZodType<SegmentationEvaluation>;

const ReconstructionEvaluationSchema = z
  .object({
    kind: z.literal('reconstruction'),
    split: SplitSchema,
    psnr: finite,
    ssim: finite.optional(),
    mse: finite,
    count,
    samples: z.array(z.object({ features: values(finite), target: values(finite), output: values(finite) })).max(MAX_ITEMS),
    featureShape: z.array(z.number().int().min(0)).max(8),
  })
  .strict() satisfies z.ZodType<ReconstructionEvaluation>;

const BoxSchema = z.object({ classIndex: count, x: finite, y: finite, width: finite, height: finite }).strict();
const ScoredBoxSchema = BoxSchema.extend({ score: finite }).strict();

const DetectionEvaluationSchema = z
  .object({
    kind: z.literal('detection'),
    split: SplitSchema,
    classes: z.array(z.string().max(200)).max(1000),
    mapAt50: finite,
    mapAt50To95: finite,
    perClass: z
      .array(
        z
          .object({
            label: z.string().max(200),
            ap50: finite.nullable(),
            ap: finite.nullable(),
            truths: count,
            curve: z.object({ recall: values(finite), precision: values(finite) }).strict(),
          })
          .strict(),
      )
      .max(1000),
    count,
    samples: z
      .array(
        z
          .object({
            features: values(finite),
            truth: z.array(BoxSchema).max(MAX_ITEMS),
            predicted: z.array(ScoredBoxSchema).max(MAX_ITEMS),
            quality: finite,
          })
          .strict(),
      )
      .max(MAX_ITEMS),
    featureShape: z.array(z.number().int().min(0)).max(8),
  })
  .strict() satisfies z.ZodType<DetectionEvaluation>;

/** One schema per registered task's result: a task added without one fails to compile here. */
const BY_KIND = {
  classification: ClassificationEvaluationSchema,
  regression: RegressionEvaluationSchema,
  segmentation: SegmentationEvaluationSchema,
  reconstruction: ReconstructionEvaluationSchema,
  detection: DetectionEvaluationSchema,
} satisfies { [K in Evaluation['kind']]: z.ZodType<Extract<Evaluation, { kind: K }>> };

/** An evaluation of any registered task, told apart by `kind`. */
export const EvaluationSchema: z.ZodType<Evaluation> = z.discriminatedUnion('kind', [
  BY_KIND.classification,
  BY_KIND.regression,
  BY_KIND.segmentation,
  BY_KIND.reconstruction,
  BY_KIND.detection,
]);
