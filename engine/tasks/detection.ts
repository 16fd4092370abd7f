import { z } from 'zod';
import { MAX_BOXES } from './detection-boxes';
import { detectionEvaluator } from './detection-evaluation';
import { BOX_CHANNELS, encodeGridTargets, GRID_STRIDE, gridSize } from './detection-grid';
import { moveDetectionLabel } from './detection-move';
import { applyCentrePrior } from './detection-prior';
import { centroidFocal, centroidFocalGiou } from './losses/detection';
import { centreRecall } from './metrics/detection';
import { defineTask } from './spec';

const BOX_LOSSES: readonly string[] = [centroidFocal.id, centroidFocalGiou.id];

const classCount = (facts: { classes?: string[] }) => Math.max(1, facts.classes?.length ?? 1);

/** A box as a file or a person gives it: class index and the box in fractions of the image. */
function boxSchema(classes: number) {
  const fraction = z
    .number()
    .min(0, 'Box coordinates are fractions of the image, from 0 to 1.')
    .max(1, 'Box coordinates are fractions of the image, from 0 to 1.');
  return z
    .object({
      classIndex: z
        .number()
        .int()
        .min(0)
        .max(classes - 1, `A box's class is an index from 0 to ${classes - 1}.`),
      x: fraction,
      y: fraction,
      width: fraction.positive('A box has a width above 0.'),
      height: fraction.positive('A box has a height above 0.'),
    })
    .refine(
      (b) => b.x + b.width <= 1 + 1e-6 && b.y + b.height <= 1 + 1e-6,
      'A box ends inside the image (x + width and y + height at most 1).',
    );
}

/** Finding objects in images and where they are: a box and a class for each (raccoons, shapes, signs). */
export const detection = defineTask({
  id: 'detection',
  label: 'object detection',
  doc: `Each image comes with boxes (x, y, width and height as fractions of the image) and a class for each, up to ${MAX_BOXES} per image. The model outputs a grid with one cell per ${GRID_STRIDE}×${GRID_STRIDE} pixels, holding a score per class for an object's centre in that cell and the box's offset and size; boxes are read from the peaks, overlapping ones of a class suppressed, and judged by mAP at IoU 0.5 and over 0.5–0.95.`,
  labelSchema: ({ classes }) =>
    z.array(boxSchema(classCount({ ...(classes ? { classes } : {}) }))).max(MAX_BOXES, `An image holds at most ${MAX_BOXES} boxes.`),
  labelShape: (context) => {
    const { rows, cols } = gridSize(context.featureShape[0] ?? 1, context.featureShape[1] ?? 1);
    return [rows, cols, classCount(context) + BOX_CHANNELS];
  },
  encodeLabels: (tf, batch, context) => {
    const { rows, cols } = gridSize(context.featureShape[0] ?? 1, context.featureShape[1] ?? 1);
    const classes = classCount(context);
    return tf.tensor4d(encodeGridTargets(batch.labels, batch.size, rows, cols, classes), [batch.size, rows, cols, classes + BOX_CHANNELS]);
  },
  losses: [centroidFocal, centroidFocalGiou],
  chooseLoss: (chosen) => (chosen && BOX_LOSSES.includes(chosen) ? null : { loss: centroidFocal.id, metrics: [centreRecall.id] }),
  labelWords: (facts) => `boxes of ${classCount(facts)} class${classCount(facts) === 1 ? '' : 'es'} per image`,
  lossReason: (loss) =>
    loss === centroidFocalGiou.id
      ? 'because the labels are boxes: scores for object centres and the overlap of each box with its object'
      : 'because the labels are boxes: scores for object centres and the size of each box',
  metrics: [centreRecall],
  fitOutput: (output, facts) => {
    if (output.type !== 'conv2d') return null;
    const filters = classCount(facts) + BOX_CHANNELS;
    if (Number(output.params.filters ?? 0) === filters && output.params.activation === 'sigmoid') return null;
    return {
      params: { filters, activation: 'sigmoid' },
      note: `Output layer "${output.name}" set to ${filters} filters with sigmoid: a score per class for an object's centre, then its box's offset and size.`,
    };
  },
  initialiseModel: (tf, model) => {
    applyCentrePrior(tf, model);
  },
  evaluate: detectionEvaluator,
  moveLabels: moveDetectionLabel,
  stratify: false,
});
