import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from '@/server/auth/auth';

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  /** Whether the email was proved with a mailed link (invitations wait for it). */
  emailVerified: boolean;
}

/** The signed-in user of the page being rendered, or null. */
export async function currentUser(): Promise<CurrentUser | null> {
  const requestHeaders = await headers(); // first: it makes the page dynamic, so builds never run this
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { id, name, email, emailVerified } = session.user;
  return { id, name, email, emailVerified };
}

/** Like currentUser, but sends anonymous visitors to the sign-in page. */
export async function requireUser(next: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  return user;
}
