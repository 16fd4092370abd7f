import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeSchema } from '../../components/forms/describe-schema';
import { fieldProblem } from '../../components/forms/field-problem';
import { type FormField, formFields } from '../../components/forms/form-field';
import { initialValue } from '../../components/forms/initial-values';
import { AugmentationConfigSchema } from '../../engine/data/augment';
import { TrainingConfigSchema } from '../../engine/graph/training-config';

const byKey = <T extends { key: string }>(fields: T[]) => Object.fromEntries(fields.map((f) => [f.key, f]));
const settings = () => byKey(formFields(describeSchema(TrainingConfigSchema), TrainingConfigSchema.parse({ seed: 7 })));

describe('describeSchema', () => {
  it('describes every training setting with its control, range, default and help', () => {
    const fields = describeSchema(TrainingConfigSchema);
    expect(fields.map((f) => f.key)).toEqual(Object.keys(TrainingConfigSchema.shape));
    for (const field of fields) expect(field.description, field.key).toBeTruthy();
    const f = byKey(fields);
    expect(f.optimizer).toMatchObject({ kind: 'enum', default: 'adam', label: 'Optimizer' });
    expect(f.learningRate).toMatchObject({ kind: 'number', integer: false, min: 0, exclusiveMin: true, max: 10, default: 0.001 });
    expect(f.batchSize).toMatchObject({ kind: 'number', integer: true, min: 1, max: 4096, label: 'Batch size' });
    expect(f.metrics).toMatchObject({
      kind: 'list',
      item: { kind: 'enum', options: ['accuracy', 'mae', 'mse', 'meanIou', 'psnr', 'ssim', 'centreRecall'] },
      default: ['accuracy'],
    });
    expect(f.shuffle).toMatchObject({ kind: 'boolean', default: true });
    expect(f.seed).toMatchObject({ kind: 'number', integer: true, placeholder: 'random' });
    expect(f.seed?.default).toBeUndefined();
  });

  it('describes a nullable group with the fields inside, and a discriminated union by its variants', () => {
    const f = byKey(describeSchema(TrainingConfigSchema));
    expect(f.earlyStopping).toMatchObject({ kind: 'object', nullable: true, default: null });
    const stopping = f.earlyStopping?.kind === 'object' ? f.earlyStopping.fields : [];
    expect(stopping.map((s) => [s.key, s.kind, s.default])).toEqual([
      ['patience', 'number', 5],
      ['monitor', 'enum', 'val_loss'],
    ]);
    const schedule = f.schedule;
    if (schedule?.kind !== 'union') throw new Error('expected a union');
    expect(schedule.discriminator).toBe('kind');
    expect(schedule.variants.map((v) => [v.value, v.fields.map((x) => x.key)])).toEqual([
      ['constant', []],
      ['step', ['every', 'factor']],
      ['exponential', ['decay']],
      ['cosine', ['minRate']],
    ]);
    expect(schedule.default).toEqual({ kind: 'constant' });
  });

  it('reads only the public JSON Schema: unrepresentable parts become JSON fields', () => {
    const fields = describeSchema(z.object({ when: z.date().describe('A date.'), n: z.number().default(2) }));
    expect(fields.map((f) => [f.key, f.kind])).toEqual([
      ['when', 'json'],
      ['n', 'number'],
    ]);
  });
});

describe('formFields', () => {
  it('attaches the values held, with dotted paths into groups and the chosen variant', () => {
    const fields = byKey(
      formFields(
        describeSchema(TrainingConfigSchema),
        TrainingConfigSchema.parse({ schedule: { kind: 'step', every: 3, factor: 0.2 }, earlyStopping: { patience: 2 } }),
      ),
    );
    const schedule = fields.schedule as FormField & { kind: 'choice' };
    expect(schedule.picker).toMatchObject({ label: 'Kind', value: 'step' });
    expect(schedule.fields.map((f) => [f.path, f.value])).toEqual([
      ['schedule.every', 3],
      ['schedule.factor', 0.2],
    ]);
    const stopping = fields.earlyStopping as FormField & { kind: 'object' };
    expect(stopping.fields.map((f) => [f.path, f.value])).toEqual([
      ['earlyStopping.patience', 2],
      ['earlyStopping.monitor', 'val_loss'],
    ]);
  });

  it('starts a chosen schedule and a switched-on group at values the schema accepts', () => {
    const fields = settings();
    const schedule = fields.schedule as FormField & { kind: 'choice' };
    expect(schedule.picker.value).toBe('constant');
    expect(schedule.picker.options.map((o) => o.initial)).toEqual([
      { kind: 'constant' },
      { kind: 'step', every: 1, factor: 0.5 },
      { kind: 'exponential', decay: 0.5 },
      { kind: 'cosine', minRate: 0 },
    ]);
    for (const option of schedule.picker.options) {
      expect(TrainingConfigSchema.safeParse({ schedule: option.initial }).success, option.value).toBe(true);
    }
    const stopping = fields.earlyStopping as FormField & { kind: 'object' };
    expect(stopping.switchTo).toEqual({ on: { patience: 5, monitor: 'val_loss' }, off: null });
    expect(stopping.fields).toHaveLength(2);
  });

  it('gives numbers without a default or example the smallest whole number from 1 their range allows', () => {
    const [a, b, c] = describeSchema(z.object({ a: z.number().int().positive(), b: z.number().min(3), c: z.number().min(0).max(0.5) }));
    expect([a, b, c].map((f) => f && initialValue(f))).toEqual([1, 3, 0.5]);
  });
});

describe('fieldProblem', () => {
  it.each([
    [TrainingConfigSchema, 'epochs', 0, 'Must be at least 1.'],
    [TrainingConfigSchema, 'epochs', 2.5, 'Must be a whole number.'],
    [TrainingConfigSchema, 'epochs', 12, null],
    [TrainingConfigSchema, 'learningRate', 0, 'Must be greater than 0.'],
    [TrainingConfigSchema, 'schedule.factor', 2, 'Must be at most 1.'],
    [TrainingConfigSchema, 'earlyStopping.patience', 0, 'Must be at least 1.'],
    [AugmentationConfigSchema, 'rotation', 200, 'Must be at most 180.'],
    [AugmentationConfigSchema, 'rotation', undefined, null],
  ])('%#: %s = %j → %s', (schema, path, value, expected) => {
    const values = { schedule: { kind: 'step', every: 2, factor: 0.5 }, earlyStopping: { patience: 3 } };
    expect(fieldProblem(schema as z.ZodType, schema === TrainingConfigSchema ? values : {}, path, value)).toBe(expected);
  });
});
