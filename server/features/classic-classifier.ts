import { createRequire } from 'node:module';
import { Matrix } from 'ml-matrix';
import type { SavedClassifier, TrainClassifier, TrainedClassifier } from '@/engine/features/classifier';
import type { ClassifierSettings } from '@/engine/features/classifier-settings';
import { fitStandardisation, type Standardisation, standardise } from '@/engine/features/standardise';

/** The library part of a classifier, working on standardised rows. */
interface Core {
  probabilities(rows: number[][]): number[][];
  model(): unknown;
  dispose(): void;
}

/**
 * Trains the classifier the settings name on feature rows and class indexes (0 … classCount − 1).
 * Features are standardised first (what every one of the three needs: the SVM's rbf width, the
 * gradient steps and the neighbours' distances all assume comparable scales).
 *
 * @example
 * const svm = await trainClassifier({ kind: 'svm', kernel: 'rbf', cost: 1 }, rows, labels, 3);
 * svm.predictProbabilities([rows[0]]); // [[0.97, 0.02, 0.01]]
 */
export const trainClassifier: TrainClassifier = async (
  settings: ClassifierSettings,
  rows: readonly ArrayLike<number>[],
  labels: readonly number[],
  classCount: number,
): Promise<TrainedClassifier> => {
  if (rows.length === 0) throw new Error('There are no training samples to train the classifier on.');
  if (rows.length !== labels.length) throw new Error(`${rows.length} feature rows but ${labels.length} labels.`);
  const standardisation = fitStandardisation(rows);
  const x = standardise(rows, standardisation);
  const core = await trainCore(settings, x, [...labels], classCount);
  return wrap(settings, classCount, standardisation, core);
};

/** A saved classifier, loaded to predict again (the same probabilities as before it was saved). */
export async function loadClassifier(saved: SavedClassifier): Promise<TrainedClassifier> {
  return wrap(saved.settings, saved.classCount, saved.standardisation, await loadCore(saved));
}

function wrap(settings: ClassifierSettings, classCount: number, standardisation: Standardisation, core: Core): TrainedClassifier {
  const featureCount = standardisation.mean.length;
  return {
    settings,
    classCount,
    featureCount,
    predictProbabilities: (rows) => {
      const bad = rows.findIndex((r) => r.length !== featureCount);
      if (bad >= 0) throw new Error(`Row ${bad + 1} has ${rows[bad]?.length} features; the classifier was trained on ${featureCount}.`);
      return core.probabilities(standardise(rows, standardisation));
    },
    save: () => ({ format: 'netcanvas.classifier', settings, classCount, featureCount, standardisation, model: core.model() }),
    dispose: () => core.dispose(),
  };
}

async function trainCore(settings: ClassifierSettings, x: number[][], y: number[], classCount: number): Promise<Core> {
  switch (settings.kind) {
    case 'svm': {
      const SVM = await libsvm();
      const svm = new SVM({
        type: SVM.SVM_TYPES.C_SVC,
        kernel: settings.kernel === 'linear' ? SVM.KERNEL_TYPES.LINEAR : SVM.KERNEL_TYPES.RBF,
        cost: settings.cost,
        ...(settings.gamma !== undefined ? { gamma: settings.gamma } : {}),
        probabilityEstimates: true,
        quiet: true,
      });
      svm.train(x, y);
      return svmCore(svm, classCount);
    }
    case 'logistic': {
      const { default: LogisticRegression } = await import('ml-logistic-regression');
      // The library sums the gradient over the samples: the step is divided by their number so the
      // learning rate means the same for 100 samples as for 10,000.
      const model = new LogisticRegression({ numSteps: settings.steps, learningRate: settings.learningRate / x.length });
      model.train(withBias(x), Matrix.columnVector(y));
      return logisticCore(model, classCount);
    }
    case 'knn': {
      const { default: KNN } = await import('ml-knn');
      return knnCore(new KNN(x, y, { k: Math.min(settings.k, x.length) }), classCount);
    }
  }
}

async function loadCore(saved: SavedClassifier): Promise<Core> {
  switch (saved.settings.kind) {
    case 'svm':
      return svmCore(await loadSvm(String(saved.model)), saved.classCount);
    case 'logistic': {
      const { default: LogisticRegression } = await import('ml-logistic-regression');
      return logisticCore(LogisticRegression.load(saved.model), saved.classCount);
    }
    case 'knn': {
      const { default: KNN } = await import('ml-knn');
      return knnCore(KNN.load(saved.model), saved.classCount);
    }
  }
}

/**
 * libsvm compiled to WebAssembly, loaded with `require`: the package exports a promise of the SVM
 * class and its Emscripten module is "thenable", which an `import` (and some bundlers' interop)
 * would try to await as a module namespace. The module required below is the same instance the SVM
 * class uses, so a large model can be handed to it through its heap (see {@link loadSvm}).
 */
const require = createRequire(import.meta.url);
function libsvm(): Promise<LibsvmClass> {
  return require('libsvm-js') as Promise<LibsvmClass>;
}

/**
 * A saved SVM back in libsvm. `SVM.load` passes the model text on Emscripten's 5 MB stack, which a
 * model of a few hundred support vectors of 800 features already overflows; here it goes through
 * the heap instead.
 */
async function loadSvm(text: string): Promise<LibsvmInstance> {
  const SVM = await libsvm();
  const heap = require('libsvm-js/out/wasm/libsvm') as EmscriptenModule;
  const bytes = new TextEncoder().encode(text);
  const pointer = heap._malloc(bytes.length + 1);
  heap.HEAPU8.set(bytes, pointer);
  heap.HEAPU8[pointer + bytes.length] = 0;
  try {
    const model = heap.cwrap('deserialize_model', 'number', ['number'])(pointer) as number;
    return Object.assign(Object.create(SVM.prototype) as LibsvmInstance, { options: {}, model, _deserialized: true });
  } finally {
    heap._free(pointer);
  }
}

function svmCore(svm: LibsvmInstance, classCount: number): Core {
  return {
    probabilities: (rows) =>
      rows.map((row) => {
        const out = new Array<number>(classCount).fill(0);
        for (const { label, probability } of svm.predictOneProbability(row).estimates) out[label] = probability;
        return out;
      }),
    model: () => svm.serializeModel(),
    dispose: () => svm.free(),
  };
}

/** One-vs-all scores are the chance of "not this class" (the library's target is 0 for the class). */
function logisticCore(model: import('ml-logistic-regression').default, classCount: number): Core {
  return {
    probabilities: (rows) => {
      const features = withBias(rows);
      const notClass = model.classifiers.map((c) => c.testScores(features));
      return rows.map((_, i) => normalise(Array.from({ length: classCount }, (_, c) => 1 - (notClass[c]?.[i] ?? 1))));
    },
    model: () => JSON.parse(JSON.stringify(model.toJSON())),
    dispose: () => undefined,
  };
}

/** The share of the k nearest training samples in each class. */
function knnCore(knn: import('ml-knn').default, classCount: number): Core {
  return {
    probabilities: (rows) =>
      rows.map((row) => {
        const votes = new Array<number>(classCount).fill(0);
        for (const [point] of knn.kdTree.nearest(row, knn.k)) {
          const label = point[point.length - 1] as number;
          votes[label] = (votes[label] ?? 0) + 1;
        }
        return normalise(votes);
      }),
    model: () => JSON.parse(JSON.stringify(knn.toJSON())),
    dispose: () => undefined,
  };
}

/** The rows with a constant 1 appended: ml-logistic-regression fits no intercept of its own. */
function withBias(rows: readonly number[][]): Matrix {
  return new Matrix(rows.map((r) => [...r, 1]));
}

function normalise(values: number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  return total > 0 ? values.map((v) => v / total) : values.map(() => 1 / values.length);
}
