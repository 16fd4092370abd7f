import sharp from 'sharp';
import { loadVersionData, locateSample, versionIdOf } from '@/server/datasets/read/version-data';
import { badRequest, notFound } from '@/server/http/errors';

/** One image sample as a PNG, at its stored size (for the gallery and the labelling view). */
export async function sampleImage(datasetId: string, number: number, index: number): Promise<Uint8Array> {
  const data = await loadVersionData(await versionIdOf(datasetId, number));
  if (data.manifest.dtype !== 'uint8' || !data.meta.image) throw badRequest('This dataset holds no images.');
  if (index >= data.split.length) throw notFound(`Sample ${index}`);
  const { shard, offset } = await locateSample(data, index);
  const size = data.manifest.sampleSize;
  const { width, height, channels } = data.meta.image;
  const pixels = shard.subarray(offset * size, (offset + 1) * size);
  const png = await sharp(pixels, { raw: { width, height, channels: channels as 1 | 3 } })
    .png()
    .toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
