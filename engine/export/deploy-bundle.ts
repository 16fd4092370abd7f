import type { DatasetMeta } from '../data/meta';
import type { ExportProof } from './proof/proof';

/** What an exported network needs to be used elsewhere: its labels and how to prepare its input. */
export interface DeployMetadata {
  format: 'netcanvas.deploy';
  name: string;
  task: string;
  labels: string[] | null;
  input: { kind: DatasetMeta['kind']; featureShape: number[] };
  /** In words and as data: what was done to the training samples, to be done to new ones. */
  preprocessing:
    | { kind: 'image'; height: number; width: number; channels: number; fit: 'cover'; scale: '0-1'; description: string }
    | { kind: 'rows'; normalisation: DatasetMeta['normalisation']; description: string };
  /** How the zip's own `model.json` + `weights.bin` fared when reloaded and compared with the run's network. */
  check?: Pick<ExportProof, 'status' | 'message' | 'samples' | 'maxAbsDiff' | 'tolerance' | 'problems'>;
}

/** The metadata of a run's network, from the dataset it was trained on. */
export function deployMetadata(name: string, meta: DatasetMeta): DeployMetadata {
  const [height = 0, width = 0, channels = 0] = meta.featureShape;
  const preprocessing: DeployMetadata['preprocessing'] =
    meta.kind === 'image' && meta.featureShape.length === 3
      ? {
          kind: 'image',
          height,
          width,
          channels,
          fit: 'cover',
          scale: '0-1',
          description: `Centre-crop to the ${width}:${height} aspect, resize to ${width}×${height}, ${channels === 1 ? 'grey (mean of R, G, B)' : 'RGB'}, pixel values divided by 255.`,
        }
      : {
          kind: 'rows',
          normalisation: meta.normalisation,
          description: 'Feature values in the dataset’s column order without the label, normalised with these statistics.',
        };
  return {
    format: 'netcanvas.deploy',
    name,
    task: meta.task,
    labels: meta.classes,
    input: { kind: meta.kind, featureShape: meta.featureShape },
    preprocessing,
  };
}

/**
 * The page of an exported image classifier: loads `model.json` with `tf.loadLayersModel` and shows
 * the five most likely labels of a chosen image, prepared as `metadata.json` says. Serve the folder
 * over HTTP (browsers do not fetch files from `file://`).
 */
export function deployPage(title: string): string {
  const safe = title.replace(/[<>&"]/g, '');
  return `<!doctype html><meta charset="utf-8"><title>${safe}</title><script src="tf.min.js"></script>
<h1>${safe}</h1><input type="file" accept="image/*" id="file" aria-label="Image"><pre id="out"></pre>
<script type="module">
const meta = await (await fetch('metadata.json')).json(), model = await tf.loadLayersModel('model.json'), p = meta.preprocessing;
file.onchange = async () => { const img = await createImageBitmap(file.files[0]), s = Math.min(img.width / p.width, img.height / p.height);
  const box = [[(img.height - s * p.height) / 2 / img.height, (img.width - s * p.width) / 2 / img.width, (img.height + s * p.height) / 2 / img.height, (img.width + s * p.width) / 2 / img.width]];
  const x = tf.tidy(() => { const rgb = tf.browser.fromPixels(img).toFloat().expandDims(), cut = tf.image.cropAndResize(rgb, box, [0], [p.height, p.width]);
    return (p.channels === 1 ? cut.mean(3, true) : cut).div(255); });
  const probs = [...(await model.predict(x).data())]; x.dispose();
  out.textContent = probs.map((v, i) => [meta.labels?.[i] ?? i, v]).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([l, v]) => \`\${l}: \${(v * 100).toFixed(1)} %\`).join('\\n'); };
</script>
`;
}
