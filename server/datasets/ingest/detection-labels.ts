import { baseName, type ParsedAnnotations, resolveAnnotations, stem, unlabelledDetection } from '@/engine/data/annotations';
import { parseCoco } from '@/engine/data/annotations-coco';
import { parseVoc } from '@/engine/data/annotations-voc';
import { parseYolo, parseYoloClasses, YOLO_CLASS_FILES } from '@/engine/data/annotations-yolo';
import { DETECTION_LABEL_SIZE } from '@/engine/tasks/detection-boxes';
import { uploadRefused } from './problems';

/** Archive files read as box annotations rather than as images. */
export const ANNOTATION_FILE = /\.(xml|json|txt|names)$/i;

/** An annotation file as the archive held it. */
export interface AnnotationText {
  name: string;
  text: string;
}

/** An image kept from the archive: its name and its size before resizing. */
export interface StagedImage {
  name: string;
  width: number;
  height: number;
}

/**
 * The stored labels of an archive's images from its annotation files, by format: `.json` is COCO,
 * `.xml` Pascal VOC, `.txt` YOLO (paired with the image of the same name; classes from
 * `classes.txt` or a `.names` file). Any problem in any annotation refuses the whole upload with a
 * report naming each file, so nothing is half-saved. Images no annotation names stay unlabelled;
 * an archive without any annotation is a set of unlabelled images whose boxes are drawn in the
 * box labeller. `extraClasses` (the upload's own list) follow the annotations' classes.
 */
export function detectionLabels(
  annotations: readonly AnnotationText[],
  images: readonly StagedImage[],
  extraClasses: readonly string[] = [],
): { labels: Float32Array; classes: string[]; boxes: number; boxesPerClass: number[] } {
  if (annotations.length === 0) {
    const classes = [...new Set(extraClasses)];
    return {
      labels: new Float32Array(images.length * DETECTION_LABEL_SIZE).fill(Number.NaN),
      classes,
      boxes: 0,
      boxesPerClass: classes.map(() => 0),
    };
  }
  const classFile = annotations.find((a) => YOLO_CLASS_FILES.test(baseName(a.name)));
  const yoloClasses = classFile ? parseYoloClasses(classFile.text) : null;
  const byStem = new Map(images.map((i) => [stem(i.name), baseName(i.name)]));
  const parsed: ParsedAnnotations[] = [];
  for (const file of annotations) {
    if (file === classFile) continue;
    const lower = file.name.toLowerCase();
    if (lower.endsWith('.json')) parsed.push(parseCoco(file.text, file.name));
    else if (lower.endsWith('.xml')) parsed.push(parseVoc(file.text, file.name));
    else if (lower.endsWith('.txt')) {
      if (!yoloClasses) {
        parsed.push({
          images: [],
          problems: [{ name: file.name, reason: 'is a YOLO label file, but the archive has no classes.txt (one class name per line)' }],
        });
      } else parsed.push(parseYolo(file.text, file.name, yoloClasses, byStem));
    }
  }
  const sizes = new Map(images.map((i) => [baseName(i.name), { width: i.width, height: i.height }]));
  const resolved = resolveAnnotations(parsed, sizes, yoloClasses ?? undefined);
  if (resolved.problems.length > 0) {
    throw uploadRefused(
      `${resolved.problems.length} problem(s) in the box annotations; nothing was saved.`,
      resolved.problems.slice(0, 200),
    );
  }
  const classes = [...resolved.classes, ...extraClasses.filter((c) => !resolved.classes.includes(c))];
  const labels = new Float32Array(images.length * DETECTION_LABEL_SIZE);
  const boxesPerClass = classes.map(() => 0);
  images.forEach((image, i) => {
    const label = resolved.labels.get(baseName(image.name)) ?? unlabelledDetection();
    labels.set(label, i * DETECTION_LABEL_SIZE);
    for (let k = 0; k < label.length; k += 5) {
      const c = label[k] as number;
      if (c >= 0) boxesPerClass[c] = (boxesPerClass[c] as number) + 1;
    }
  });
  return { labels, classes, boxes: resolved.boxes, boxesPerClass };
}
