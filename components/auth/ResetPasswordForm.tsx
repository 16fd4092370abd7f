'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { useHydrated } from '@/components/ui/useHydrated';
import { authClient } from './auth-client';

const EXPIRED = 'This link has expired or was used already. Ask for a new one.';

/** Chooses a new password with the token from a reset link. */
export function ResetPasswordForm() {
  const params = useSearchParams();
  const token = params.get('token');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  if (!token || params.get('error')) {
    return (
      <section className="stack panel" aria-label="Reset link not valid">
        <h1>Choose a new password</h1>
        <p className="alert error" role="alert">
          {EXPIRED}
        </p>
        <p className="muted small">
          <Link href="/forgot-password">Send a new link</Link>
        </p>
      </section>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get('password') ?? '');
    if (newPassword !== String(form.get('confirm') ?? '')) {
      setError('The two passwords differ.');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await authClient.resetPassword({ newPassword, token: token as string });
    setBusy(false);
    if (result.error) {
      setError(
        result.error.status === 400 && /token/i.test(result.error.message ?? '')
          ? EXPIRED
          : (result.error.message ?? 'Something went wrong.'),
      );
      return;
    }
    setDone(true);
  }

  if (done) {
    return (
      <section className="stack panel" aria-label="Password changed">
        <h1>Password changed</h1>
        <p className="alert ok" role="status">
          Your new password is set. Everywhere you were signed in with the old one, you are signed out within a minute.
        </p>
        <p>
          <Link className="button primary" href="/sign-in">
            Sign in
          </Link>
        </p>
      </section>
    );
  }

  return (
    <form className="stack panel" method="post" onSubmit={submit} aria-label="Choose a new password">
      <h1>Choose a new password</h1>
      <label>
        New password
        <input name="password" type="password" autoComplete="new-password" required minLength={8} maxLength={128} />
      </label>
      <label>
        The same again
        <input name="confirm" type="password" autoComplete="new-password" required minLength={8} maxLength={128} />
      </label>
      <p className="muted small">At least 8 characters.</p>
      <ErrorNote message={error} />
      <button className="primary" type="submit" disabled={busy || !hydrated}>
        {busy ? 'One moment…' : 'Set the new password'}
      </button>
    </form>
  );
}
