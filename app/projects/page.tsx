import { previewOf } from '@/components/editor/template-preview';
import { ProjectBoard } from '@/components/projects/ProjectBoard';
import { PendingInvitations } from '@/components/teams/PendingInvitations';
import { TEMPLATES } from '@/engine/templates';
import { requireUser } from '@/server/auth/current-user';
import { listProjects } from '@/server/projects/list-projects';
import { listTeams } from '@/server/teams/list-teams';
import { listMyInvitations } from '@/server/teams/my-invitations';

export const metadata = { title: 'Projects · NetCanvas' };

export default async function ProjectsPage() {
  const user = await requireUser('/projects');
  const [teams, invitations] = await Promise.all([listTeams(user.id), listMyInvitations(user.email)]);
  const projects = await Promise.all(teams.map((team) => listProjects(team.id, team.role)));
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Projects</h1>
          <p className="muted">Your teams and their networks.</p>
        </div>
      </div>
      <PendingInvitations
        invitations={invitations.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() }))}
        email={user.email}
        emailVerified={user.emailVerified}
      />
      <ProjectBoard
        teams={teams}
        projects={projects.flat().map((p) => ({ ...p, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString() }))}
        templates={TEMPLATES.map((t) => ({ name: t.name, title: t.title, description: t.description, preview: previewOf(t.build()) }))}
      />
    </>
  );
}
