'use client';

import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { useHydrated } from '@/components/ui/useHydrated';
import { authClient } from './auth-client';

/** Asks for a link to choose a new password; says the same whether or not the email has an account. */
export function ForgotPasswordForm({ mailConfigured }: { mailConfigured: boolean }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    setBusy(true);
    setError(null);
    const result = await authClient.requestPasswordReset({ email, redirectTo: '/reset-password' });
    setBusy(false);
    if (result.error) {
      setError(result.error.status === 429 ? 'Too many requests. Wait a minute and try again.' : 'The link could not be sent. Try again.');
      return;
    }
    setSentTo(email);
  }

  if (sentTo) {
    return (
      <section className="stack panel" aria-label="Reset link requested">
        <h1>Check your email</h1>
        <p className="alert ok" role="status">
          If {sentTo} has an account, a link to choose a new password is on its way. It works once, within the hour.
        </p>
        {mailConfigured ? null : (
          <p className="muted small">
            This server does not send mail: whoever runs it finds the link in its log and can pass it on to you.
          </p>
        )}
        <p className="muted small">
          <Link href="/sign-in">Back to sign in</Link>
        </p>
      </section>
    );
  }

  return (
    <form className="stack panel" method="post" onSubmit={submit} aria-label="Reset your password">
      <h1>Forgot your password?</h1>
      <p className="muted small">Give the email of your account and we send you a link to choose a new password.</p>
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <ErrorNote message={error} />
      <button className="primary" type="submit" disabled={busy || !hydrated}>
        {busy ? 'One moment…' : 'Send the link'}
      </button>
      <p className="muted small">
        Remembered it? <Link href="/sign-in">Sign in</Link>
      </p>
    </form>
  );
}
