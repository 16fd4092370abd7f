'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import * as projectRoutes from '@/server/projects/routes';
import * as teamRoutes from '@/server/teams/routes';
import { ProjectCard } from './ProjectCard';
import { type TemplateCard, TemplateGallery } from './TemplateGallery';
import { canEdit, type ProjectItem, type TeamItem } from './types';

/** Every team of the user with its projects, and the forms to make teams and projects. */
export function ProjectBoard({ teams, projects, templates }: { teams: TeamItem[]; projects: ProjectItem[]; templates: TemplateCard[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const editable = teams.filter((t) => canEdit(t.role));

  async function createProject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const template = String(data.get('template') ?? '');
    const result = await call(projectRoutes.createProject, {
      params: { teamId: String(data.get('teamId')) },
      body: { name: String(data.get('name') ?? ''), ...(template ? { template } : {}) },
    });
    if (!result.ok) return setError(result.message);
    form.reset();
    setError(null);
    router.push(`/projects/${result.data.id}`);
  }

  async function createTeam(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const result = await call(teamRoutes.createTeam, { body: { name: String(new FormData(form).get('name') ?? '') } });
    if (!result.ok) return setError(result.message);
    form.reset();
    setError(null);
    router.refresh();
  }

  return (
    <>
      <ErrorNote message={error} />
      <section className="panel">
        <h2>New project</h2>
        <form className="stack" onSubmit={createProject} aria-label="New project">
          <div className="row">
            <input name="name" placeholder="Project name" aria-label="Project name" required maxLength={200} style={{ flex: 1 }} />
            <select name="teamId" aria-label="Team" defaultValue={editable[0]?.id}>
              {editable.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <button className="primary" type="submit" disabled={editable.length === 0}>
              Create project
            </button>
          </div>
          <TemplateGallery templates={templates} />
        </form>
      </section>
      {teams.map((team) => {
        const own = projects.filter((p) => p.teamId === team.id);
        return (
          <section key={team.id} className="panel" aria-label={team.name}>
            <div className="row" style={{ marginBottom: '0.75rem' }}>
              <h2 style={{ margin: 0 }}>{team.name}</h2>
              <span className="badge grey">{team.role}</span>
              {team.personal ? <span className="badge grey">personal</span> : null}
              <span className="spacer" />
              <Link href={`/teams/${team.id}`}>
                {team.memberCount} member{team.memberCount === 1 ? '' : 's'} · manage team
              </Link>
            </div>
            {own.length === 0 ? (
              <p className="muted">No projects yet{canEdit(team.role) ? ': create one above.' : '.'}</p>
            ) : (
              <div className="cards">
                {own.map((p) => (
                  <ProjectCard key={p.id} project={p} teams={editable} onError={setError} />
                ))}
              </div>
            )}
          </section>
        );
      })}
      <section className="panel">
        <h2>New team</h2>
        <form className="row" onSubmit={createTeam} aria-label="New team">
          <input name="name" placeholder="Team name" aria-label="Team name" required maxLength={100} />
          <button type="submit">Create team</button>
        </form>
      </section>
    </>
  );
}
