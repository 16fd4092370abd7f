'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { type ApiResult, call } from '@/components/ui/api';
import * as projectRoutes from '@/server/projects/routes';
import { canEdit, type ProjectItem, type TeamItem } from './types';

/** One project with its actions: rename, duplicate, move, delete. */
export function ProjectCard({ project, teams, onError }: { project: ProjectItem; teams: TeamItem[]; onError: (m: string | null) => void }) {
  const router = useRouter();
  const [mode, setMode] = useState<'idle' | 'rename' | 'move'>('idle');
  const [name, setName] = useState(project.name);
  // The teams it can move to come from the page and grow when a team is made there: the choice is
  // derived on every render, so a new team is offered (and picked when nothing else was).
  const destinations = teams.filter((t) => t.id !== project.teamId);
  const [picked, setPicked] = useState<string | null>(null);
  const target = destinations.some((t) => t.id === picked) ? (picked as string) : (destinations[0]?.id ?? '');
  const editor = canEdit(project.role);

  async function run<T>(request: Promise<ApiResult<T>>, then?: (data: T) => void) {
    const result = await request;
    if (!result.ok) return onError(result.message);
    onError(null);
    setMode('idle');
    if (then) then(result.data);
    router.refresh();
  }
  const params = { projectId: project.id };

  return (
    <article className="card" aria-label={`Project ${project.name}`}>
      {mode === 'rename' ? (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void run(call(projectRoutes.updateProject, { params, body: { name } }));
          }}
        >
          <input value={name} onChange={(e) => setName(e.target.value)} aria-label="New name" required maxLength={200} />
          <button type="submit" className="primary">
            Save
          </button>
          <button type="button" onClick={() => setMode('idle')}>
            Cancel
          </button>
        </form>
      ) : (
        <h3>
          <Link href={`/projects/${project.id}`}>{project.name}</Link>
        </h3>
      )}
      <p className="muted small">
        {project.headNumber ? `Version ${project.headNumber}` : 'No versions yet'} · changed {new Date(project.updatedAt).toLocaleString()}
        {project.forkedFrom ? ` · forked from ${project.forkedFrom.name}` : ''}
      </p>
      {mode === 'move' ? (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void run(call(projectRoutes.updateProject, { params, body: { teamId: target } }));
          }}
        >
          <select value={target} onChange={(e) => setPicked(e.target.value)} aria-label="Move to team">
            {destinations.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <button type="submit" className="primary" disabled={!target}>
            Move
          </button>
          <button type="button" onClick={() => setMode('idle')}>
            Cancel
          </button>
        </form>
      ) : null}
      <div className="row small">
        {editor ? (
          <button type="button" className="link" onClick={() => setMode('rename')}>
            Rename
          </button>
        ) : null}
        <button
          type="button"
          className="link"
          onClick={() =>
            void run(call(projectRoutes.duplicateProject, { params, body: {} }), (copy) => router.push(`/projects/${copy.id}`))
          }
        >
          Duplicate
        </button>
        {editor && teams.length > 1 ? (
          <button type="button" className="link" onClick={() => setMode('move')}>
            Move
          </button>
        ) : null}
        {project.role === 'owner' ? (
          <button
            type="button"
            className="link danger"
            onClick={() => {
              if (window.confirm(`Delete "${project.name}" and all its versions? This cannot be undone.`)) {
                void run(call(projectRoutes.deleteProject, { params }));
              }
            }}
          >
            Delete
          </button>
        ) : null}
      </div>
    </article>
  );
}
