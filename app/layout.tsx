import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/SignOutButton';
import { currentUser } from '@/server/auth/current-user';
import { isGuestEmail } from '@/server/onboarding/guest-email';
import './globals.css';

/** Every page depends on who is signed in. */
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'NetCanvas',
  description: 'Design neural networks by drawing them.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <Link href={user ? '/projects' : '/'} className="brand">
            <span className="brand-mark" aria-hidden="true" /> NetCanvas
          </Link>
          <nav aria-label="Main">
            {user ? (
              <>
                <Link href="/projects">Projects</Link>
                <Link href="/datasets">Datasets</Link>
                <Link href="/gallery">Gallery</Link>
                <Link href="/tokens">API tokens</Link>
              </>
            ) : null}
          </nav>
          {user ? (
            <>
              {isGuestEmail(user.email) ? (
                <Link className="who" href="/keep" title="Sign up to keep your work">
                  Guest
                </Link>
              ) : (
                <Link className="who" href="/account" title="Your account">
                  {user.email}
                </Link>
              )}
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in">Sign in</Link>
              <Link href="/sign-up" className="button primary">
                Sign up
              </Link>
            </>
          )}
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
