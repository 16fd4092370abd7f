import { type Box, boxesToLabel, DETECTION_LABEL_SIZE, MAX_BOXES } from '../tasks/detection-boxes';

/**
 * Box annotations as a file gives them, before they are checked against the images: which image
 * (by file name), its size as the file states it (when it does), and each box in pixels (`pixels`:
 * COCO, Pascal VOC) or in fractions of the image (`fractions`: YOLO) with its class by name.
 */
export interface AnnotatedImage {
  /** The annotation file the entry comes from, for the report. */
  source: string;
  /** The image's file name as the annotation names it (folders dropped when matching). */
  image: string;
  size?: { width: number; height: number };
  units: 'pixels' | 'fractions';
  boxes: { className: string; x0: number; y0: number; x1: number; y1: number }[];
}

/** One thing wrong with an annotation, naming the file (and the box) at fault. */
export interface AnnotationProblem {
  name: string;
  reason: string;
}

/** What reading one annotation file gives: its images and what could not be read. */
export interface ParsedAnnotations {
  images: AnnotatedImage[];
  problems: AnnotationProblem[];
  /** The class names in the file's own order, when it lists them (COCO categories, YOLO class lists). */
  classes?: string[];
}

/** An image's size in pixels, as the archive's image decoder read it. */
export interface ImageSize {
  width: number;
  height: number;
}

/** Pixels a box may reach past the image's edge before it is called outside (annotators round). */
const EDGE_SLACK = 1;

/** The image a path names, without folders: `images/raccoon-1.jpg` → `raccoon-1.jpg`. */
export function baseName(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/');
  return parts[parts.length - 1] ?? path;
}

/** The name without its extension, to pair `cat.jpg` with `cat.txt`. */
export function stem(path: string): string {
  return baseName(path).replace(/\.[^.]*$/, '');
}

/**
 * Checks every annotation against the images it names and turns it into stored labels: boxes as
 * fractions of their image, classes as indexes into `classes` (the given list, else the names in
 * order of first appearance, sorted). Every problem names the annotation file: an image it names
 * that the archive lacks, a box outside its image or with no area, an unknown class, a stated
 * size that differs from the image's, too many boxes. Images no annotation names stay unlabelled.
 */
export function resolveAnnotations(
  parsed: readonly ParsedAnnotations[],
  images: ReadonlyMap<string, ImageSize>,
  given?: readonly string[],
): { labels: Map<string, Float32Array>; classes: string[]; problems: AnnotationProblem[]; boxes: number } {
  const problems = parsed.flatMap((p) => p.problems);
  const listed = given ?? parsed.find((p) => p.classes)?.classes;
  const classes = listed
    ? [...listed]
    : [...new Set(parsed.flatMap((p) => p.images.flatMap((i) => i.boxes.map((b) => b.className))))].sort();
  const boxesOf = new Map<string, Box[]>();
  let boxes = 0;
  for (const entry of parsed.flatMap((p) => p.images)) {
    const name = baseName(entry.image);
    const size = images.get(name);
    if (!size) {
      problems.push({ name: entry.source, reason: `names the image "${entry.image}", which is not in the archive` });
      continue;
    }
    if (entry.size && (entry.size.width !== size.width || entry.size.height !== size.height)) {
      problems.push({
        name: entry.source,
        reason: `gives "${name}" as ${entry.size.width}×${entry.size.height} pixels, but the image is ${size.width}×${size.height}`,
      });
      continue;
    }
    const list = boxesOf.get(name) ?? [];
    boxesOf.set(name, list);
    const [sx, sy] = entry.units === 'pixels' ? [size.width, size.height] : [1, 1];
    const slack = entry.units === 'pixels' ? EDGE_SLACK : EDGE_SLACK / Math.max(size.width, size.height);
    entry.boxes.forEach((b, k) => {
      const where = `box ${k + 1} of "${name}"`;
      const classIndex = classes.indexOf(b.className);
      if (classIndex < 0) {
        problems.push({ name: entry.source, reason: `${where} has the class "${b.className}", which is not one of ${classes.join(', ')}` });
        return;
      }
      if (!(b.x1 > b.x0 && b.y1 > b.y0)) {
        problems.push({ name: entry.source, reason: `${where} has no area (from ${b.x0}, ${b.y0} to ${b.x1}, ${b.y1})` });
        return;
      }
      if (b.x0 < -slack || b.y0 < -slack || b.x1 > sx + slack || b.y1 > sy + slack) {
        const bounds = entry.units === 'pixels' ? `${size.width}×${size.height} pixels` : '0–1';
        problems.push({ name: entry.source, reason: `${where} (${b.x0}, ${b.y0} to ${b.x1}, ${b.y1}) lies outside the image (${bounds})` });
        return;
      }
      const x0 = Math.max(0, b.x0 / sx);
      const y0 = Math.max(0, b.y0 / sy);
      list.push({ classIndex, x: x0, y: y0, width: Math.min(1, b.x1 / sx) - x0, height: Math.min(1, b.y1 / sy) - y0 });
      boxes++;
    });
  }
  const labels = new Map<string, Float32Array>();
  for (const [name, list] of boxesOf) {
    if (list.length > MAX_BOXES) {
      problems.push({ name, reason: `has ${list.length} boxes; an image holds at most ${MAX_BOXES}` });
      continue;
    }
    labels.set(name, boxesToLabel(list));
  }
  return { labels, classes, problems, boxes };
}

/** The stored label of an image no annotation names: unlabelled (NaN), so it joins no split. */
export function unlabelledDetection(): Float32Array {
  return new Float32Array(DETECTION_LABEL_SIZE).fill(Number.NaN);
}
