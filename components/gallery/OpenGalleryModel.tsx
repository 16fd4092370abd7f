'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import type { GalleryVariant } from '@/engine/gallery/card';
import * as galleryRoutes from '@/server/gallery/routes';

/** "Open as a project": pick the cut and the team; the new project opens in the editor. */
export function OpenGalleryModel({
  modelId,
  variants,
  teams,
}: {
  modelId: string;
  variants: GalleryVariant[];
  teams: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function open(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await call(galleryRoutes.openGalleryModel, {
      params: { teamId: String(form.get('team')), modelId },
      body: { variant: String(form.get('variant')) },
    });
    if (!result.ok) {
      setBusy(false);
      return setError(result.message);
    }
    router.push(`/projects/${result.data.id}`);
  }

  if (teams.length === 0) return <p className="muted">You need to be an editor in a team to open a gallery model as a project.</p>;
  return (
    <form className="stack" onSubmit={open} aria-label="Open as a project">
      <fieldset className="gallery-variants">
        <legend>What to open</legend>
        {variants.map((v, i) => (
          <label key={v.id} className="gallery-variant">
            <input type="radio" name="variant" value={v.id} defaultChecked={i === 0} aria-label={v.label} />
            <span>
              <strong>{v.label}</strong>
              <br />
              <span className="muted small">{v.description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label>
        Team{' '}
        <select name="team" aria-label="Team">
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <ErrorNote message={error} />
      <div className="row">
        <button className="primary" type="submit" disabled={busy}>
          {busy ? 'Opening… (loading the weights)' : 'Open as a project'}
        </button>
      </div>
    </form>
  );
}
