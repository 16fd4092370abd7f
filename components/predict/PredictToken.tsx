'use client';

import { useState } from 'react';
import { call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import * as tokenRoutes from '@/server/tokens/routes';

/** A token an application can use to call the predict API for this project's runs, and nothing else. */
export function PredictToken({ projectId, runId, origin }: { projectId: string; runId: string; origin: string }) {
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function make() {
    const result = await call(tokenRoutes.createToken, { body: { name: 'predict', scope: 'predict', projectId } });
    if (!result.ok) return setError(result.message);
    setError(null);
    setToken(result.data.token);
  }

  const shown = token ?? 'nc_…';
  return (
    <div className="stack predict-token">
      <p className="muted small">
        A predict token may only call <span className="kbd">POST /api/runs/:runId/predict</span> for this project’s runs. Revoke it on the
        API tokens page.
      </p>
      <div className="row">
        <button type="button" onClick={() => void make()}>
          Make a predict token
        </button>
      </div>
      <ErrorNote message={error} />
      {token ? (
        <p role="status">
          Copy it now, it is not shown again: <code data-testid="predict-token">{token}</code>
        </p>
      ) : null}
      <pre className="small">
        {`curl -X POST ${origin}/api/runs/${runId}/predict \\
  -H 'Authorization: Bearer ${shown}' \\
  -H 'Content-Type: image/png' --data-binary @photo.png`}
      </pre>
    </div>
  );
}
