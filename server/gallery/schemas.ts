import { z } from 'zod';

const Id = z.string().min(1).max(100);

export const OpenGalleryParams = z.object({ teamId: Id, modelId: Id });
export const OpenGalleryInput = z
  .object({
    /** Which cut of the model to open (a card's variant id, e.g. "backbone-pool"). */
    variant: z.string().min(1).max(100),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
