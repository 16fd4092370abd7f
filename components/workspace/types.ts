import type { GraphDoc } from '@/engine/graph/schema';

export interface VersionItem {
  number: number;
  parentNumber: number | null;
  message: string;
  author: { id: string; name: string; email: string } | null;
  createdAt: string;
  contentHash: string;
  restoredFrom: number | null;
}

export interface WorkspaceProject {
  id: string;
  name: string;
  role: 'owner' | 'editor' | 'viewer';
  headNumber: number | null;
}

export interface LoadedVersion {
  number: number;
  graph: GraphDoc;
  /** ISO time it was saved, to tell drafts written before it from those written after. */
  createdAt?: string;
}
