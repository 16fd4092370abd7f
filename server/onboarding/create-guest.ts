import { randomBytes, randomUUID } from 'node:crypto';
import { auth } from '@/server/auth/auth';
import { db } from '@/server/db/client';
import { signUpConfirmedByMail } from '@/server/env';
import { ApiError, INTERNAL_MESSAGE } from '@/server/http/errors';
import { GUEST_EMAIL_DOMAIN } from '@/server/onboarding/guest-email';
import { createProject } from '@/server/projects/create-project';

/**
 * Guests sign in at once and, once kept, would tell whether an address has an account: where sign-up
 * is confirmed by mail (NETCANVAS_CONFIRM_SIGN_UP=1) there are none.
 */
export function guestsAllowed(): void {
  if (signUpConfirmedByMail())
    throw new ApiError('forbidden', 'Guest demos are off on this server. Create an account instead: a link to finish it is mailed to you.');
}

/** The demo a guest starts from: a LeNet-5 (28×28×1 input), so the Train tab picks the digits set. */
export const DEMO_TEMPLATE = 'lenet5';
export const DEMO_PROJECT_NAME = 'My first model';

/**
 * Creates a guest: an account with a random address and password nobody knows, marked as a guest,
 * with its personal team and a demo project (the LeNet-5 template as version 1). The answer signs
 * the browser in (Better Auth's session cookie) and says where to go: the demo's Train tab.
 */
export async function createGuest(headers: Headers): Promise<Response> {
  guestsAllowed();
  const email = `guest-${randomUUID()}@${GUEST_EMAIL_DOMAIN}`;
  const password = randomBytes(24).toString('base64url');
  const signedUp = await auth().api.signUpEmail({ body: { name: 'Guest', email, password }, headers, asResponse: true });
  if (!signedUp.ok) throw new ApiError('internal', INTERNAL_MESSAGE, undefined, `guest sign-up answered ${signedUp.status}`);
  const { user } = (await signedUp.json()) as { user: { id: string } };
  await db().user.update({ where: { id: user.id }, data: { guest: true } });
  const team = await db().team.findFirstOrThrow({ where: { personal: true, memberships: { some: { userId: user.id } } } });
  const project = await createProject(user.id, team.id, {
    name: DEMO_PROJECT_NAME,
    description: 'A LeNet-5 for handwritten digits, made in guest mode.',
    template: DEMO_TEMPLATE,
  });
  const answer = Response.json({ projectId: project.id, url: `/projects/${project.id}/train` }, { status: 201 });
  for (const cookie of signedUp.headers.getSetCookie()) answer.headers.append('set-cookie', cookie);
  answer.headers.set('cache-control', 'no-store');
  return answer;
}
