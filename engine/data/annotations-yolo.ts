import type { AnnotatedImage, ParsedAnnotations } from './annotations';
import { stem } from './annotations';

/** File names that hold a YOLO class list, one name per line (LabelImg, Darknet). */
export const YOLO_CLASS_FILES = /^(classes\.txt|obj\.names|.*\.names)$/i;

/** The class names of a YOLO class list: one per line, blank lines left out. */
export function parseYoloClasses(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * Reads one YOLO label file (one `.txt` per image, paired by name: `cat.txt` describes `cat.jpg`):
 * a line per box, `class x_centre y_centre width height`, the class an index into the class list
 * and the rest fractions of the image. An index past the list, a line that is not five numbers, or
 * no image of that name are problems naming the file and the line.
 *
 * @example
 * const parsed = parseYolo('0 0.5 0.5 0.2 0.3', 'labels/cat.txt', ['cat'], new Map([['cat', 'cat.jpg']]));
 */
export function parseYolo(
  text: string,
  source: string,
  classes: readonly string[],
  imageByStem: ReadonlyMap<string, string>,
): ParsedAnnotations {
  const image = imageByStem.get(stem(source));
  if (!image)
    return {
      images: [],
      problems: [{ name: source, reason: `has no image of the same name (${stem(source)}.jpg, .png …) in the archive` }],
    };
  const entry: AnnotatedImage = { source, image, units: 'fractions', boxes: [] };
  const problems: ParsedAnnotations['problems'] = [];
  text.split(/\r?\n/).forEach((line, k) => {
    if (!line.trim()) return;
    const values = line.trim().split(/\s+/).map(Number);
    if (values.length !== 5 || !values.every(Number.isFinite)) {
      problems.push({
        name: source,
        reason: `line ${k + 1} is not "class x_centre y_centre width height" (five numbers): "${line.trim().slice(0, 60)}"`,
      });
      return;
    }
    const [index, cx, cy, w, h] = values as [number, number, number, number, number];
    const className = classes[index];
    if (!Number.isInteger(index) || className === undefined) {
      problems.push({
        name: source,
        reason: `line ${k + 1} has the class index ${index}, but the class list has ${classes.length} (0–${classes.length - 1})`,
      });
      return;
    }
    entry.boxes.push({ className, x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 });
  });
  return { images: [entry], problems, classes: [...classes] };
}
