import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { builtinDataDir } from '@/engine/data/builtins/files';
import type { GalleryCard } from '@/engine/gallery/card';
import { completeCard, GALLERY, type GalleryEntry } from '@/engine/gallery/catalog';
import { type OwnCard, OwnCardSchema } from '@/engine/gallery/own-card';
import type { WeightsManifestGroup } from '@/engine/import/weights';

/** A gallery model's files as TF.js would load them: `model.json` (parsed) and the bytes of its one weights group. */
export interface GalleryFiles {
  modelJson: { modelTopology: Record<string, unknown>; weightsManifest: WeightsManifestGroup[] };
  weights: Uint8Array;
  own?: OwnCard;
}

interface BundledModel {
  modelJson: () => Promise<unknown>;
  weightBundles: (() => Promise<unknown>)[];
}

const cache = new Map<string, Promise<GalleryFiles>>();

/**
 * Reads a gallery model's files: the repository's `data-builtin/gallery/<dir>/`, or the model an
 * npm package bundles (nsfwjs ships each model as JS modules holding the model.json and base64
 * weight shards; its `exports` field allows only `nsfwjs/models/<name>`). Read once per process.
 */
export function galleryFiles(entry: GalleryEntry): Promise<GalleryFiles> {
  const key = entry.card.id;
  let files = cache.get(key);
  if (!files) {
    files = entry.source.kind === 'repo' ? readRepoModel(entry.source.dir) : readNsfwjsModel();
    files.catch(() => cache.delete(key));
    cache.set(key, files);
  }
  return files;
}

async function readRepoModel(dir: string): Promise<GalleryFiles> {
  const folder = path.join(builtinDataDir(), 'gallery', dir);
  const [modelJson, weights, card] = await Promise.all([
    readFile(path.join(folder, 'model.json'), 'utf8'),
    readFile(path.join(folder, 'weights.bin')),
    readFile(path.join(folder, 'card.json'), 'utf8'),
  ]);
  return { modelJson: JSON.parse(modelJson), weights: new Uint8Array(weights), own: OwnCardSchema.parse(JSON.parse(card)) };
}

async function readNsfwjsModel(): Promise<GalleryFiles> {
  const { MobileNetV2Model } = (await import('nsfwjs/models/mobilenet_v2')) as unknown as { MobileNetV2Model: BundledModel };
  const modelJson = unwrap(await MobileNetV2Model.modelJson());
  const shards = await Promise.all(MobileNetV2Model.weightBundles.map(async (load) => Buffer.from(String(unwrap(await load())), 'base64')));
  return {
    modelJson: (typeof modelJson === 'string' ? JSON.parse(modelJson) : modelJson) as GalleryFiles['modelJson'],
    weights: new Uint8Array(Buffer.concat(shards)),
  };
}

/** The bundled modules export their value as `module.exports`, which ESM sees as `default`. */
function unwrap(mod: unknown): unknown {
  return typeof mod === 'object' && mod !== null && 'default' in mod ? (mod as { default: unknown }).default : mod;
}

/** Parameters counted from the weights manifest. */
function paramCount(files: GalleryFiles): number {
  return files.modelJson.weightsManifest.flatMap((g) => g.weights).reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
}

/** The full card of one gallery model (figures read from its files). */
export async function galleryCard(entry: GalleryEntry): Promise<GalleryCard> {
  const files = await galleryFiles(entry);
  return completeCard(entry, { params: paramCount(files), sizeBytes: files.weights.byteLength, own: files.own });
}

/** Every gallery card, in catalog order. */
export function galleryCards(): Promise<GalleryCard[]> {
  return Promise.all(GALLERY.map(galleryCard));
}
