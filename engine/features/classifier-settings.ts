import { z } from 'zod';

/** A support vector machine (libsvm's C-SVC) with probability estimates, one-vs-one over the classes. */
export const SvmSettingsSchema = z.object({
  kind: z.literal('svm'),
  kernel: z.enum(['rbf', 'linear']).default('rbf').describe('rbf fits curved class borders; linear is faster on many features'),
  cost: z.number().positive().max(1e6).default(1).describe('C: how hard each training mistake is punished (larger fits tighter)'),
  gamma: z
    .number()
    .positive()
    .max(1e3)
    .optional()
    .describe('Width of the rbf kernel; when left out, 1 / number of features (on standardised features)'),
});

/** Multinomial logistic regression (one-vs-all in ml-logistic-regression), trained by gradient descent. */
export const LogisticSettingsSchema = z.object({
  kind: z.literal('logistic'),
  steps: z.number().int().min(10).max(20_000).default(100).describe('Gradient descent steps per class'),
  learningRate: z.number().positive().max(10).default(1).describe('Step size of the gradient descent'),
});

/** k-nearest neighbours (ml-knn's k-d tree, Euclidean distance on standardised features). */
export const KnnSettingsSchema = z.object({
  kind: z.literal('knn'),
  k: z.number().int().min(1).max(100).default(5).describe('How many nearest training samples vote'),
});

/** Which classic classifier a feature-extraction run trains, and its settings (defaults fill the rest). */
export const ClassifierSettingsSchema = z.discriminatedUnion('kind', [SvmSettingsSchema, LogisticSettingsSchema, KnnSettingsSchema]);

export type ClassifierSettings = z.infer<typeof ClassifierSettingsSchema>;
export type ClassifierKind = ClassifierSettings['kind'];

/** Words for each kind, for the Runs tab and the run page. */
export const CLASSIFIER_LABELS: Record<ClassifierKind, string> = {
  svm: 'SVM',
  logistic: 'Logistic regression',
  knn: 'k-nearest neighbours',
};
