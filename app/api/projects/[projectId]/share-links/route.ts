import { handle } from '@/server/http/handle';
import { createShareLink } from '@/server/share-links/create-share-link';
import { listShareLinks } from '@/server/share-links/list-share-links';
import * as routes from '@/server/share-links/routes';

export const GET = handle(routes.listShareLinks, ({ params }) => listShareLinks(params.projectId));

export const POST = handle(routes.createShareLink, ({ caller, params, body }) => createShareLink(caller.userId, params.projectId, body));
