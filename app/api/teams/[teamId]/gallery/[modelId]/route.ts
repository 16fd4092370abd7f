import { openGalleryModel } from '@/server/gallery/open-gallery-model';
import * as routes from '@/server/gallery/routes';
import { handle } from '@/server/http/handle';

export const POST = handle(routes.openGalleryModel, ({ caller, params, body }) =>
  openGalleryModel(caller.userId, params.teamId, params.modelId, body),
);
