import { SPLIT } from '@/engine/data/dataset';
import { encodeMask } from '@/engine/data/mask-rle';
import { labelToBoxes } from '@/engine/tasks/detection-boxes';
import { NO_SPLIT } from '@/server/datasets/manifest';
import { sampleNames } from '@/server/datasets/read/sample-names';
import { loadVersionData, locateSample, type VersionData, versionIdOf } from '@/server/datasets/read/version-data';
import type { SamplesQuery } from '@/server/datasets/schemas';
import type { SampleList } from '@/server/datasets/summaries';

const SPLIT_NAMES = ['train', 'validation', 'test'] as const;

/** Samples of a version for the gallery, the table and the labelling view, filtered and paged. */
export async function listSamples(datasetId: string, number: number, query: SamplesQuery): Promise<SampleList> {
  const data = await loadVersionData(await versionIdOf(datasetId, number));
  const keep = matcher(data, query.filter);
  const matching: number[] = [];
  for (let i = 0; i < data.split.length; i++) if (keep(i)) matching.push(i);
  const page = matching.slice(query.offset, query.offset + query.limit);
  const allNames = await sampleNames(data);
  const width = data.manifest.sampleSize;
  const samples = await Promise.all(
    page.map(async (index) => {
      const label = data.labels[index * data.meta.labelSize] as number;
      const split = data.split[index] as number;
      const sample: SampleList['samples'][number] = {
        index,
        label: Number.isNaN(label) ? null : label,
        split: split === NO_SPLIT ? 'none' : SPLIT_NAMES[split]!,
        name: allNames?.[index] ?? null,
      };
      if (data.meta.task === 'detection' && !Number.isNaN(label)) {
        const size = data.meta.labelSize;
        sample.boxes = labelToBoxes(data.labels.subarray(index * size, (index + 1) * size));
      }
      if (data.meta.task === 'segmentation' && !Number.isNaN(label)) {
        const size = data.meta.labelSize;
        sample.mask = encodeMask(data.labels.subarray(index * size, (index + 1) * size));
      }
      if (data.manifest.dtype === 'float32') {
        const { shard, offset } = await locateSample(data, index);
        const floats = new Float32Array(shard.buffer, shard.byteOffset, shard.byteLength / 4);
        sample.values = Array.from(floats.subarray(offset * width, (offset + 1) * width), (v) => Number(v.toPrecision(6)));
      }
      return sample;
    }),
  );
  return { total: matching.length, samples };
}

function matcher(data: VersionData, filter: string): (i: number) => boolean {
  if (filter === 'all') return () => true;
  if (filter === 'unlabelled') return (i) => data.split[i] === NO_SPLIT;
  if (filter.startsWith('class:')) {
    const cls = Number(filter.slice(6));
    const size = data.meta.labelSize;
    // A mask shows a class anywhere in it; the other labels hold their class first.
    if (data.meta.task === 'segmentation') return (i) => data.labels.subarray(i * size, (i + 1) * size).includes(cls);
    return (i) => data.labels[i * size] === cls;
  }
  const code = SPLIT[filter as keyof typeof SPLIT];
  return (i) => data.split[i] === code;
}
