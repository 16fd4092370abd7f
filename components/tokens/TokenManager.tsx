'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import * as tokenRoutes from '@/server/tokens/routes';

interface Token {
  id: string;
  name: string;
  prefix: string;
  scope: 'all' | 'predict';
  projectId: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Personal API tokens for scripts and the command line: make, list, revoke. */
export function TokenManager({ tokens }: { tokens: Token[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const result = await call(tokenRoutes.createToken, { body: { name: String(new FormData(form).get('name') ?? '') } });
    if (!result.ok) return setError(result.message);
    setError(null);
    setFresh(result.data.token);
    form.reset();
    router.refresh();
  }

  async function revoke(token: Token) {
    if (!window.confirm(`Revoke "${token.name}"? Scripts using it stop working at once.`)) return;
    const result = await call(tokenRoutes.revokeToken, { params: { tokenId: token.id } });
    setError(result.ok ? null : result.message);
    router.refresh();
  }

  return (
    <>
      <div className="page-head">
        <div>
          <h1>API tokens</h1>
          <p className="muted">
            Scripts and the command line use these instead of your password: send <span className="kbd">Authorization: Bearer nc_…</span>.
          </p>
        </div>
      </div>
      <ErrorNote message={error} />
      {fresh ? (
        <div className="alert ok" role="status">
          <p>Your new token — copy it now, it is not shown again:</p>
          <code data-testid="new-token">{fresh}</code>
        </div>
      ) : null}
      <section className="panel">
        <form className="row" onSubmit={create} aria-label="New token">
          <input name="name" placeholder="What is it for? (e.g. laptop CLI)" aria-label="Token name" required maxLength={100} />
          <button className="primary" type="submit">
            Make token
          </button>
        </form>
      </section>
      <section className="panel">
        {tokens.length === 0 ? (
          <p className="muted">No tokens yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Token</th>
                <th>May</th>
                <th>Made</th>
                <th>Last used</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>
                    {t.scope === 'predict' && t.projectId ? (
                      <a href={`/projects/${t.projectId}/predict`}>predict with one project’s runs</a>
                    ) : (
                      'everything you may'
                    )}
                  </td>
                  <td>{new Date(t.createdAt).toLocaleString()}</td>
                  <td>{t.lastUsedAt ? new Date(t.lastUsedAt).toLocaleString() : 'never'}</td>
                  <td>
                    <button type="button" className="link danger" onClick={() => void revoke(t)}>
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
