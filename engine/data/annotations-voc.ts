import type { AnnotatedImage, ParsedAnnotations } from './annotations';

/** The text of the first `<tag>` inside `xml`, trimmed; undefined when there is none. */
function tagText(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  return match ? decodeEntities(match[1] as string).trim() : undefined;
}

function decodeEntities(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every `<tag>…</tag>` block inside `xml`. */
function blocks(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1] as string);
}

/**
 * Reads one Pascal VOC annotation (one XML file per image, as LabelImg and the VOC challenge write
 * them): the image's `filename` and `size`, and per `object` its `name` and `bndbox` corners in
 * pixels. The format is a small fixed vocabulary of elements, so it is read by element rather than
 * by a general XML parser. What is missing or not a number is a problem naming the file.
 *
 * @example
 * const parsed = parseVoc(xmlText, 'annotations/raccoon-1.xml');
 */
export function parseVoc(text: string, source: string): ParsedAnnotations {
  const root = blocks(text, 'annotation')[0];
  if (root === undefined)
    return { images: [], problems: [{ name: source, reason: 'is not a Pascal VOC annotation (no <annotation> element)' }] };
  const image = tagText(root, 'filename');
  if (!image) return { images: [], problems: [{ name: source, reason: 'has no <filename>: which image it describes is not known' }] };
  const sizeBlock = blocks(root, 'size')[0];
  const width = Number(sizeBlock === undefined ? Number.NaN : tagText(sizeBlock, 'width'));
  const height = Number(sizeBlock === undefined ? Number.NaN : tagText(sizeBlock, 'height'));
  const entry: AnnotatedImage = { source, image, units: 'pixels', boxes: [] };
  if (width > 0 && height > 0) entry.size = { width, height };
  const problems: ParsedAnnotations['problems'] = [];
  blocks(root, 'object').forEach((object, k) => {
    const className = tagText(object, 'name') ?? '';
    const box = blocks(object, 'bndbox')[0];
    const corner = (tag: string) => Number(box === undefined ? Number.NaN : (tagText(box, tag) ?? Number.NaN));
    const [x0, y0, x1, y1] = [corner('xmin'), corner('ymin'), corner('xmax'), corner('ymax')];
    if (!className) problems.push({ name: source, reason: `object ${k + 1} has no <name> (its class)` });
    else if (![x0, y0, x1, y1].every(Number.isFinite))
      problems.push({ name: source, reason: `object ${k + 1} ("${className}") has no complete <bndbox> of numbers` });
    else entry.boxes.push({ className, x0, y0, x1, y1 });
  });
  return { images: [entry], problems };
}
