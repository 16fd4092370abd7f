// Types of the parts of the classic-classifier packages this folder uses (they ship none).

/** The parts of an Emscripten module used to hand libsvm a string through its heap. */
interface EmscriptenModule {
  HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(pointer: number): void;
  cwrap(name: string, returns: string, args: string[]): (...args: unknown[]) => unknown;
}

interface LibsvmInstance {
  train(samples: number[][], labels: number[]): void;
  predictOneProbability(sample: number[]): { prediction: number; estimates: { label: number; probability: number }[] };
  serializeModel(): string;
  getLabels(): number[];
  free(): void;
}

interface LibsvmClass {
  new (options: Record<string, unknown>): LibsvmInstance;
  prototype: LibsvmInstance;
  load(serialized: string): LibsvmInstance;
  SVM_TYPES: Record<'C_SVC', number>;
  KERNEL_TYPES: Record<'RBF' | 'LINEAR', number>;
}

declare module 'ml-knn' {
  export default class KNN {
    constructor(dataset: number[][], labels: number[], options?: { k?: number });
    static load(model: unknown): KNN;
    kdTree: { nearest(point: number[], count: number): [number[], number][] };
    k: number;
    toJSON(): unknown;
  }
}

declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';
  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    static load(model: unknown): LogisticRegression;
    numberClasses: number;
    classifiers: { testScores(features: Matrix): number[] }[];
    train(features: Matrix, labels: Matrix): void;
    toJSON(): unknown;
  }
}
