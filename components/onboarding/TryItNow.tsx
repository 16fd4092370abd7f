'use client';

import { useState } from 'react';
import { useHydrated } from '@/components/ui/useHydrated';

/**
 * "Try it now": makes a guest account with a demo project (LeNet-5 and the digits) and opens its
 * Train tab, one click from a trained model. No form, no email.
 */
export function TryItNow() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();

  async function start() {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/api/guest', { method: 'POST' });
      const answer = (await response.json()) as { url?: string; error?: { message: string } };
      if (!response.ok || !answer.url) throw new Error(answer.error?.message ?? `The server answered ${response.status}.`);
      window.location.assign(answer.url);
    } catch (failure) {
      setBusy(false);
      setError(`Could not start a guest session: ${(failure as Error).message} Try again, or create an account.`);
    }
  }

  return (
    <>
      <button type="button" className="button primary" onClick={() => void start()} disabled={!hydrated || busy}>
        {busy ? 'Opening a demo…' : 'Try it now'}
      </button>
      {error ? (
        <p className="try-now__error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
