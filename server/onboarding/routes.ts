import { z } from 'zod';
import { defineRoute, NoContent, RAW } from '@/server/http/contract';

/** The guided tour of a first model: not seen yet, finished, or closed before the end. */
export const TourStateSchema = z.object({ state: z.enum(['new', 'done', 'dismissed']) });
export type TourState = z.infer<typeof TourStateSchema>['state'];

/** What a guest fills in to keep the work as an account of their own. */
export const KeepGuestInput = z.object({
  name: z.string().trim().min(1, 'Give your name.').max(100),
  email: z.email('Give an email address like name@example.com.').max(254),
  password: z.string().min(8, 'Choose a password of at least 8 characters.').max(128),
});

/** A new guest and the demo project that is opened for them. */
export const GuestCreatedSchema = z.object({ projectId: z.string(), url: z.string() });

/** GET /api/me/tour – whether the caller has finished or closed the guided tour. */
export const getTour = defineRoute({ method: 'GET', path: '/api/me/tour', output: TourStateSchema, access: 'user' });

/** PUT /api/me/tour – records that the caller finished or closed the guided tour (it is not shown again). */
export const putTour = defineRoute({
  method: 'PUT',
  path: '/api/me/tour',
  body: TourStateSchema,
  output: NoContent,
  status: 204,
  access: 'user',
});

/**
 * POST /api/guest – "Try it now": a guest account (signed in by the answer's cookie) with a demo
 * project to train. Public, from our own pages only; guests are removed a day later.
 */
export const createGuest = defineRoute({ method: 'POST', path: '/api/guest', output: RAW, status: 201, access: 'public' });

/** POST /api/guest/keep – turns the caller's guest account, with all its work, into a real account. */
export const keepGuest = defineRoute({
  method: 'POST',
  path: '/api/guest/keep',
  body: KeepGuestInput,
  output: NoContent,
  status: 204,
  access: { custom: 'the caller is a guest' },
});
