import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { ProjectShell } from '@/components/workspace/ProjectShell';
import { requireUser } from '@/server/auth/current-user';
import { ApiError } from '@/server/http/errors';
import { isGuest } from '@/server/onboarding/guest-status';
import { projectAccess } from '@/server/permissions';
import { projectSummary } from '@/server/projects/project-summary';

/** The frame of every project page: name, team, save state, and the Design · Train · Runs tabs. */
export default async function ProjectLayout({ params, children }: { params: Promise<{ projectId: string }>; children: ReactNode }) {
  const { projectId } = await params;
  const user = await requireUser(`/projects/${projectId}`);
  try {
    await projectAccess(user.id, projectId, 'viewer');
  } catch (error) {
    if (error instanceof ApiError) notFound();
    throw error;
  }
  const project = await projectSummary(user.id, projectId);
  return (
    <ProjectShell
      project={{
        id: project.id,
        name: project.name,
        role: project.role,
        headNumber: project.headNumber,
        teamId: project.teamId,
        teamName: project.teamName,
      }}
      guest={await isGuest(user.id)}
    >
      {children}
    </ProjectShell>
  );
}
