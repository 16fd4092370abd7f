'use client';

import './workspace.css';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { GuestBanner } from '@/components/onboarding/GuestBanner';
import { GuidedTour } from '@/components/onboarding/GuidedTour';
import { TextSizeControl } from '@/components/projector/TextSizeControl';
import { ProjectEditorProvider } from './ProjectEditor';
import { ProjectStatusProvider, useProjectStatus } from './ProjectStatus';
import type { WorkspaceProject } from './types';

interface ShellProject extends WorkspaceProject {
  teamId: string;
  teamName: string;
}

/**
 * Every project page's frame: the project's name and team, whether the design has unsaved changes,
 * the save status, and the tabs Design · Train · Runs. The Design tab gets the full window. The tabs
 * share one editor store (`ProjectEditor.tsx`).
 */
export function ProjectShell({ project, guest, children }: { project: ShellProject; guest: boolean; children: ReactNode }) {
  const pathname = usePathname();
  const base = `/projects/${project.id}`;
  const design = pathname === base;
  const tab = design ? 'design' : pathname === `${base}/train` ? 'train' : null;
  return (
    <ProjectStatusProvider head={project.headNumber}>
      <div className={`project-shell${design ? ' project-shell--canvas' : ''}`}>
        <header className="project-head">
          <div className="project-head__title">
            <nav className="project-head__crumbs" aria-label="Breadcrumb">
              <Link href="/projects">Projects</Link>
              <span aria-hidden="true">/</span>
              <Link href={`/teams/${project.teamId}`}>{project.teamName}</Link>
            </nav>
            <h1>{project.name}</h1>
            <SaveState role={project.role} />
            {guest ? <GuestBanner /> : null}
            <GuidedTour projectId={project.id} tab={tab} />
          </div>
          <TextSizeControl />
          <nav className="project-tabs" aria-label="Project">
            {[
              { href: base, label: 'Design' },
              { href: `${base}/train`, label: 'Train' },
              { href: `${base}/runs`, label: 'Runs' },
              { href: `${base}/predict`, label: 'Predict' },
              { href: `${base}/inside`, label: 'Inside' },
            ].map((tab) => {
              const current = tab.href === base ? design : pathname.startsWith(tab.href);
              return (
                <Link key={tab.href} href={tab.href} className="project-tabs__tab" aria-current={current ? 'page' : undefined}>
                  {tab.label}
                </Link>
              );
            })}
          </nav>
        </header>
        <div className="project-shell__body">
          <ProjectEditorProvider>{children}</ProjectEditorProvider>
        </div>
      </div>
    </ProjectStatusProvider>
  );
}

function SaveState({ role }: { role: WorkspaceProject['role'] }) {
  const { status } = useProjectStatus();
  return (
    <div className="project-head__state">
      {status.dirty ? (
        <span className="unsaved" title="Your changes are kept in this browser until you save a version">
          <span className="unsaved__dot" aria-hidden="true" />
          Unsaved changes
        </span>
      ) : null}
      <span className="muted small">
        {status.saving ? 'Saving…' : status.head ? `Version ${status.head} is the newest.` : 'No versions saved yet.'}
      </span>
      {role === 'viewer' ? <span className="badge grey">You are a viewer: you can look and compare, not change.</span> : null}
    </div>
  );
}
