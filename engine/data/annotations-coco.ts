import { z } from 'zod';
import type { AnnotatedImage, ParsedAnnotations } from './annotations';

const CocoSchema = z.object({
  images: z.array(
    z.object({
      id: z.union([z.number(), z.string()]),
      file_name: z.string().min(1),
      width: z.number().positive().optional(),
      height: z.number().positive().optional(),
    }),
  ),
  annotations: z.array(
    z.object({
      image_id: z.union([z.number(), z.string()]),
      category_id: z.union([z.number(), z.string()]),
      bbox: z.array(z.number()).length(4),
    }),
  ),
  categories: z.array(z.object({ id: z.union([z.number(), z.string()]), name: z.string().min(1) })).min(1),
});

/**
 * Reads a COCO object-detection file (one JSON for many images): `images` with their file names and
 * sizes, `categories` (the classes, in the file's order), and `annotations` whose `bbox` is
 * `[left, top, width, height]` in pixels. Annotations naming an image or a category the file does
 * not list are problems naming the file and the annotation.
 *
 * @example
 * const parsed = parseCoco(jsonText, 'instances.json');
 */
export function parseCoco(text: string, source: string): ParsedAnnotations {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { images: [], problems: [{ name: source, reason: `is not valid JSON (${(error as Error).message})` }] };
  }
  const parsed = CocoSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      images: [],
      problems: [{ name: source, reason: `is not a COCO detection file: ${issue?.path.join('.') || 'the top level'}: ${issue?.message}` }],
    };
  }
  const coco = parsed.data;
  const categories = new Map(coco.categories.map((c) => [String(c.id), c.name]));
  const entries = new Map<string, AnnotatedImage>();
  for (const image of coco.images) {
    const entry: AnnotatedImage = { source, image: image.file_name, units: 'pixels', boxes: [] };
    if (image.width && image.height) entry.size = { width: image.width, height: image.height };
    entries.set(String(image.id), entry);
  }
  const problems: ParsedAnnotations['problems'] = [];
  coco.annotations.forEach((a, k) => {
    const entry = entries.get(String(a.image_id));
    const className = categories.get(String(a.category_id));
    if (!entry) problems.push({ name: source, reason: `annotation ${k + 1} names image id ${a.image_id}, which "images" does not list` });
    else if (!className)
      problems.push({ name: source, reason: `annotation ${k + 1} names category id ${a.category_id}, which "categories" does not list` });
    else {
      const [x, y, w, h] = a.bbox as [number, number, number, number];
      entry.boxes.push({ className, x0: x, y0: y, x1: x + w, y1: y + h });
    }
  });
  return { images: [...entries.values()], problems, classes: coco.categories.map((c) => c.name) };
}
