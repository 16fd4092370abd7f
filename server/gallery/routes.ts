import { OpenGalleryInput, OpenGalleryParams } from '@/server/gallery/schemas';
import { defineRoute } from '@/server/http/contract';
import { ProjectSummarySchema } from '@/server/projects/schemas';

/** POST /api/teams/:teamId/gallery/:modelId – a new project from a gallery model, its pretrained weights stored with version 1. */
export const openGalleryModel = defineRoute({
  method: 'POST',
  path: '/api/teams/:teamId/gallery/:modelId',
  params: OpenGalleryParams,
  body: OpenGalleryInput,
  output: ProjectSummarySchema,
  status: 201,
  access: { team: 'editor' },
});
