import { describe, expect, it } from 'vitest';
import { BUILTIN_DATASETS, loadBuiltinDataset } from '@/engine/data/builtins';
import { templateGraph } from '@/engine/templates';
import { designFacts, inputAdapts, rankDatasets, shapeWords } from '@/engine/train/rank-datasets';

const BUILTINS = BUILTIN_DATASETS.map((d) => ({ key: `builtin:${d.name}`, featureShape: d.featureShape, task: d.task }));

function graph(name: string) {
  const doc = templateGraph(name);
  if (!doc) throw new Error(`no template ${name}`);
  return doc;
}

describe('rankDatasets', () => {
  it('gives a 28×28×1 CNN a 28×28×1 image set first, never the spiral', () => {
    const ranked = rankDatasets(graph('lenet5'), BUILTINS);
    expect(ranked.slice(0, 2).map((r) => r.key)).toEqual(['builtin:digits', 'builtin:fashion']);
    expect(ranked[0]?.fit).toBe('exact');
    // A convolution cannot take 2-D points: the spiral does not fit this design at all.
    expect(ranked.find((r) => r.key === 'builtin:spiral')?.fit).toBe('unfit');
  });

  it('puts exact matches first, then the datasets the input can be adapted to', () => {
    const mlp = graph('mlp');
    expect(designFacts(mlp)).toEqual({ inputShape: [2], tasks: ['classification'] });
    const ranked = rankDatasets(mlp, BUILTINS);
    const exact = ranked.filter((r) => r.fit === 'exact').map((r) => r.key);
    expect(exact).toEqual(['builtin:spiral', 'builtin:xor', 'builtin:circles', 'builtin:gaussians']);
    expect(ranked.slice(0, exact.length).map((r) => r.key)).toEqual(exact);
    // Iris (4 numbers, classes) is adapted before diabetes (10 numbers, a regression).
    const iris = ranked.findIndex((r) => r.key === 'builtin:iris');
    const diabetes = ranked.findIndex((r) => r.key === 'builtin:diabetes');
    expect(ranked[iris]?.fit).toBe('adapted');
    expect(iris).toBeLessThan(diabetes);
    expect(ranked[diabetes]?.sameTask).toBe(false);
  });

  it('matches a 1-D convolution to the signals, and keeps unknown shapes after known fits', () => {
    const ranked = rankDatasets(graph('cnn1d-signals'), [{ key: 'team@1', featureShape: null, task: 'classification' }, ...BUILTINS]);
    expect(ranked[0]).toEqual({ key: 'builtin:signals', fit: 'exact', sameTask: true });
    const unknown = ranked.findIndex((r) => r.key === 'team@1');
    expect(ranked.slice(0, unknown).every((r) => r.fit === 'exact' || r.fit === 'adapted')).toBe(true);
  });

  it('gives an autoencoder the digits to rebuild, and a U-Net the digits with masks', () => {
    expect(designFacts(graph('autoencoder')).tasks).toContain('reconstruction');
    expect(rankDatasets(graph('autoencoder'), BUILTINS)[0]).toEqual({ key: 'builtin:digits-rebuild', fit: 'exact', sameTask: true });
    expect(designFacts(graph('unet-small')).tasks).toContain('segmentation');
    // Its 64×64×1 input takes these pictures as they are; the 32×32 shapes need the input adapted.
    const unet = rankDatasets(graph('unet-small'), BUILTINS);
    expect(unet[0]).toEqual({ key: 'builtin:digits-segment', fit: 'exact', sameTask: true });
    expect(unet[1]).toMatchObject({ key: 'builtin:shapes', fit: 'adapted', sameTask: true });
    expect(designFacts(graph('detector-small')).tasks).toEqual(['detection']);
    expect(rankDatasets(graph('detector-small'), BUILTINS)[0]).toMatchObject({ key: 'builtin:shapes-boxes', sameTask: true });
  });

  it('says whether a design still works with another input shape', () => {
    expect(inputAdapts(graph('lenet5'), [32, 32, 1])).toBe(true);
    expect(inputAdapts(graph('lenet5'), [2])).toBe(false);
    expect(shapeWords([28, 28, 1])).toBe('28×28×1');
    expect(shapeWords([4])).toBe('4 numbers');
  });
});

describe('the built-ins declare the sample shape their data has', () => {
  it.each(BUILTIN_DATASETS.map((d) => [d.name, d.featureShape] as const))('%s: %j', async (name, shape) => {
    const data = await loadBuiltinDataset(name);
    expect(data?.featureShape).toEqual(shape);
  });
});
