import { handle } from '@/server/http/handle';
import { openShareLink } from '@/server/share-links/find-share-link';
import * as routes from '@/server/share-links/routes';

export const GET = handle(routes.openShareLink, ({ params }) => openShareLink(params.token));
