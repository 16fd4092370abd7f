import { defineRoute, NoContent } from '@/server/http/contract';
import { ProjectParams } from '@/server/projects/schemas';
import {
  CreateShareLinkInput,
  NewShareLinkSchema,
  SharedProjectSchema,
  ShareLinkListSchema,
  ShareLinkParams,
  ShareTokenParams,
} from '@/server/share-links/schemas';

/** GET /api/projects/:projectId/share-links – the project's read-only share links (never their tokens). */
export const listShareLinks = defineRoute({
  method: 'GET',
  path: '/api/projects/:projectId/share-links',
  params: ProjectParams,
  output: ShareLinkListSchema,
  access: { project: 'editor' },
});

/** POST /api/projects/:projectId/share-links – make a read-only link to follow the project live; the token is shown once. */
export const createShareLink = defineRoute({
  method: 'POST',
  path: '/api/projects/:projectId/share-links',
  params: ProjectParams,
  body: CreateShareLinkInput,
  output: NewShareLinkSchema,
  status: 201,
  access: { project: 'editor' },
});

/** DELETE /api/projects/:projectId/share-links/:linkId – revoke a link; everyone following through it is disconnected. */
export const revokeShareLink = defineRoute({
  method: 'DELETE',
  path: '/api/projects/:projectId/share-links/:linkId',
  params: ShareLinkParams,
  output: NoContent,
  status: 204,
  access: { project: 'editor' },
});

/** GET /api/share/:token – what a share link opens (nothing for a revoked, expired or unknown link). */
export const openShareLink = defineRoute({
  method: 'GET',
  path: '/api/share/:token',
  params: ShareTokenParams,
  output: SharedProjectSchema,
  access: 'public',
});
