import { handle } from '@/server/http/handle';
import { revokeShareLink } from '@/server/share-links/revoke-share-link';
import * as routes from '@/server/share-links/routes';

export const DELETE = handle(routes.revokeShareLink, ({ params }) => revokeShareLink(params.projectId, params.linkId));
