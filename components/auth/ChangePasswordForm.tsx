'use client';

import { type FormEvent, useState } from 'react';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { useHydrated } from '@/components/ui/useHydrated';
import { authClient } from './auth-client';

/** Changes the password of the signed-in account; other sessions are signed out. */
export function ChangePasswordForm() {
  const [error, setError] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = String(form.get('password') ?? '');
    setChanged(false);
    if (newPassword !== String(form.get('confirm') ?? '')) {
      setError('The two new passwords differ.');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await authClient.changePassword({
      currentPassword: String(form.get('current') ?? ''),
      newPassword,
      revokeOtherSessions: true,
    });
    setBusy(false);
    if (result.error) {
      setError(
        /invalid password/i.test(result.error.message ?? '')
          ? 'Your current password is not right.'
          : (result.error.message ?? 'Something went wrong.'),
      );
      return;
    }
    formElement.reset();
    setChanged(true);
  }

  return (
    <form className="stack panel" method="post" onSubmit={submit} aria-label="Change your password">
      <h2>Change your password</h2>
      <label>
        Current password
        <input name="current" type="password" autoComplete="current-password" required />
      </label>
      <label>
        New password
        <input name="password" type="password" autoComplete="new-password" required minLength={8} maxLength={128} />
      </label>
      <label>
        The new one again
        <input name="confirm" type="password" autoComplete="new-password" required minLength={8} maxLength={128} />
      </label>
      <ErrorNote message={error} />
      {changed ? (
        <p className="alert ok" role="status">
          Password changed. Other browsers signed in to your account are signed out within a minute.
        </p>
      ) : null}
      <button className="primary" type="submit" disabled={busy || !hydrated}>
        {busy ? 'One moment…' : 'Change the password'}
      </button>
    </form>
  );
}
