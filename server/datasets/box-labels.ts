import { BOX_SLOT, type Box, boxesToLabel } from '@/engine/tasks/detection-boxes';
import { taskSpec } from '@/engine/tasks/registry';
import { badRequest } from '@/server/http/errors';

/**
 * One image's boxes as a stored detection label, after checking them with the detection task's own
 * label rules (inside the image, positive size, a known class, at most MAX_BOXES). A problem refuses
 * the whole save with the image named, so the person labelling can find it.
 *
 * @example
 * boxLabel([{ classIndex: 0, x: 0.1, y: 0.1, width: 0.5, height: 0.5 }], ['raccoon'], 'r-1.jpg', 3);
 */
export function boxLabel(boxes: readonly Box[], classes: readonly string[], imageName: string | null, index: number): Float32Array {
  const where = imageName ? `Image "${imageName}" (sample ${index})` : `Sample ${index}`;
  if (classes.length === 0 && boxes.length > 0) throw badRequest(`${where}: add a class before drawing boxes.`);
  const schema = taskSpec('detection').labelSchema({ featureShape: [1, 1, 1], labelSize: 1, classes: [...classes] });
  const checked = schema.safeParse(boxes);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const box = typeof issue?.path[0] === 'number' ? `, box ${issue.path[0] + 1}` : '';
    const classIndex = typeof issue?.path[0] === 'number' ? boxes[issue.path[0]]?.classIndex : undefined;
    const message =
      issue?.path[1] === 'classIndex' && classIndex !== undefined
        ? `class ${classIndex} is not one of the ${classes.length} class(es) (${classes.join(', ')}).`
        : (issue?.message ?? 'not a box.');
    throw badRequest(`${where}${box}: ${message}`, { sample: index, image: imageName });
  }
  return boxesToLabel(boxes);
}

/** Boxes per class over every labelled image (slots of five, class first): a detection version's class counts. */
export function boxesPerClass(labels: Float32Array, classCount: number): number[] {
  const counts = new Array<number>(classCount).fill(0);
  for (let i = 0; i < labels.length; i += BOX_SLOT) {
    const c = labels[i] as number;
    if (c >= 0 && c < classCount && Number.isInteger(c)) counts[c] = (counts[c] as number) + 1;
  }
  return counts;
}
