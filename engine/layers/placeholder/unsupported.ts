import { z } from 'zod';
import { defineLayer, NO_PARAMS } from '../spec';

/**
 * Stands in for a layer of an imported model that NetCanvas cannot build (a Lambda, a custom class, a
 * Keras 1 name): the rest of the model still imports, and the analysis names the class at fault.
 */
export const unsupported = defineLayer({
  type: 'unsupported',
  label: 'Unsupported layer',
  category: 'placeholder',
  doc: 'A layer from an imported model that NetCanvas cannot build, kept so the rest of the model is not lost. Replace it with an equivalent layer from the palette, or delete it, before training.',
  params: z
    .object({
      className: z.string().default('Unknown').describe('The layer class named in the model file.'),
      config: z.record(z.string(), z.unknown()).default({}).describe('The layer configuration as the file gave it.'),
      reason: z.string().default('').describe('Why it could not be imported.'),
    })
    .strict(),
  inputs: { min: 0, max: Number.POSITIVE_INFINITY },
  outputShape: (_inputs, p) => ({
    code: 'unknown_layer',
    field: 'className',
    message: `"${p.className}" is not a layer NetCanvas can build${p.reason ? `: ${p.reason}` : ''}.`,
    hint: 'Replace this placeholder with an equivalent layer from the palette, or delete it.',
  }),
  countParams: () => NO_PARAMS,
  build: () => {
    throw new Error('placeholder layers cannot be built');
  },
  keras: { className: '__unsupported__' },
  summary: (p) => p.className,
});
