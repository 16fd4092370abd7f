import { notFound } from 'next/navigation';
import { ProjectWorkspace } from '@/components/workspace/ProjectWorkspace';
import { requireUser } from '@/server/auth/current-user';
import { ApiError } from '@/server/http/errors';
import { liveRoomsEnabled } from '@/server/live/live-rooms-enabled';
import { projectAccess } from '@/server/permissions';
import { projectSummary } from '@/server/projects/project-summary';
import { getVersion } from '@/server/versions/get-version';
import { listVersions } from '@/server/versions/list-versions';

export const metadata = { title: 'Design · NetCanvas' };

/** The Design tab: the canvas editor on the project's newest version, with its history. */
export default async function ProjectDesignPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const user = await requireUser(`/projects/${projectId}`);
  try {
    await projectAccess(user.id, projectId, 'viewer');
  } catch (error) {
    if (error instanceof ApiError) notFound();
    throw error;
  }
  const [project, history] = await Promise.all([projectSummary(user.id, projectId), listVersions(projectId, { limit: 200 })]);
  const head = project.headNumber ? await getVersion(projectId, project.headNumber) : null;
  return (
    <ProjectWorkspace
      project={{ id: project.id, name: project.name, role: project.role, headNumber: project.headNumber }}
      head={head ? { number: head.number, graph: head.graph, createdAt: head.createdAt.toISOString() } : null}
      versions={history.versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() }))}
      me={{ name: user.name }}
      live={liveRoomsEnabled()}
    />
  );
}
