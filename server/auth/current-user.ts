import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from '@/server/auth/auth';

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
}

/** The signed-in user of the page being rendered, or null. */
export async function currentUser(): Promise<CurrentUser | null> {
  const requestHeaders = await headers(); // first: it makes the page dynamic, so builds never run this
  const session = await auth().api.getSession({ headers: requestHeaders });
  return session ? { id: session.user.id, name: session.user.name, email: session.user.email } : null;
}

/** Like currentUser, but sends anonymous visitors to the sign-in page. */
export async function requireUser(next: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  return user;
}
