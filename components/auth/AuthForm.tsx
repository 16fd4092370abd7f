'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { useHydrated } from '@/components/ui/useHydrated';
import { authClient } from './auth-client';
import { sameOriginPath } from './same-origin-path';

/** Sign-in and sign-up form (email and password). */
export function AuthForm({ mode }: { mode: 'sign-in' | 'sign-up' }) {
  const router = useRouter();
  const next = useSearchParams().get('next');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Where the link to finish signing up went, when sign-up is confirmed by mail. */
  const [mailedTo, setMailedTo] = useState<string | null>(null);
  const hydrated = useHydrated();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    setBusy(true);
    setError(null);
    const result =
      mode === 'sign-up'
        ? await authClient.signUp.email({
            name: String(form.get('name') ?? '').trim() || email.split('@')[0] || email,
            email,
            password,
            callbackURL: sameOriginPath(next, '/projects'),
          })
        : await authClient.signIn.email({ email, password });
    setBusy(false);
    if (result.error) {
      setError(explain(result.error.status, result.error.message));
      return;
    }
    // No session yet: this server confirms new accounts by mail first.
    if (mode === 'sign-up' && !result.data?.token) {
      setMailedTo(email);
      return;
    }
    router.push(sameOriginPath(next, '/projects'));
    router.refresh();
  }

  if (mailedTo)
    return (
      <section className="stack panel" aria-label="Check your inbox">
        <h1>Check your inbox</h1>
        <p role="status">
          We sent a link to <strong>{mailedTo}</strong>. Open it within a day to finish creating your account; it signs you in.
        </p>
        <p className="muted small">
          Nothing there? Look in the spam folder, or <Link href="/sign-in">sign in</Link> if you already have an account.
        </p>
      </section>
    );

  return (
    <form className="stack panel" method="post" onSubmit={submit} aria-label={mode === 'sign-up' ? 'Sign up' : 'Sign in'}>
      <h1>{mode === 'sign-up' ? 'Create your account' : 'Sign in'}</h1>
      {mode === 'sign-up' ? (
        <label>
          Name
          <input name="name" autoComplete="name" required maxLength={100} />
        </label>
      ) : null}
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
          required
          minLength={8}
        />
      </label>
      {mode === 'sign-up' ? (
        <p className="muted small">At least 8 characters.</p>
      ) : (
        <p className="muted small">
          <Link href="/forgot-password">Forgot your password?</Link>
        </p>
      )}
      <ErrorNote message={error} />
      <button className="primary" type="submit" disabled={busy || !hydrated}>
        {busy ? 'One moment…' : mode === 'sign-up' ? 'Sign up' : 'Sign in'}
      </button>
      <p className="muted small">
        {mode === 'sign-up' ? (
          <>
            Already have an account? <Link href="/sign-in">Sign in</Link>
          </>
        ) : (
          <>
            New here? <Link href="/sign-up">Create an account</Link>
          </>
        )}
      </p>
    </form>
  );
}

function explain(status: number, message: string | undefined): string {
  if (status === 429) return 'Too many attempts. Wait a minute and try again.';
  if (status === 401) return 'That email and password do not match an account.';
  if (status === 403 && message?.toLowerCase().includes('not verified'))
    return 'Confirm your address first: we have mailed you a new link to finish signing up.';
  if (status === 422 && message?.toLowerCase().includes('exist')) return 'An account with this email already exists. Sign in instead.';
  return message ? `${message}.`.replace(/\.\.$/, '.') : 'Something went wrong. Try again.';
}
