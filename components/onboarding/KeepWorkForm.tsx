'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { useHydrated } from '@/components/ui/useHydrated';
import * as onboarding from '@/server/onboarding/routes';

/** Turns the guest account, with its projects and runs, into an account of one's own. */
export function KeepWorkForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await call(onboarding.keepGuest, {
      body: {
        name: String(form.get('name') ?? '').trim(),
        email: String(form.get('email') ?? '').trim(),
        password: String(form.get('password') ?? ''),
      },
    });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    router.push('/projects');
    router.refresh();
  }

  return (
    <form className="stack panel" method="post" onSubmit={submit} aria-label="Keep your work">
      <h1>Keep your work</h1>
      <p className="muted">Your projects, versions and runs move into this account as they are.</p>
      <label>
        Name
        <input name="name" autoComplete="name" required maxLength={100} />
      </label>
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="new-password" required minLength={8} />
      </label>
      {error ? <ErrorNote message={error} /> : null}
      <button type="submit" className="button primary" disabled={!hydrated || busy}>
        {busy ? 'Keeping your work…' : 'Sign up and keep my work'}
      </button>
    </form>
  );
}
