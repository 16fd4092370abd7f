import type { Role } from '@/prisma/generated/enums';

/** Plain, serialisable shapes handed from server pages to client components. */
export interface TeamItem {
  id: string;
  name: string;
  personal: boolean;
  role: Role;
  memberCount: number;
  projectCount: number;
}

export interface ProjectItem {
  id: string;
  teamId: string;
  teamName: string;
  name: string;
  description: string;
  headNumber: number | null;
  forkedFrom: { id: string; name: string; number: number | null } | null;
  role: Role;
  createdAt: string;
  updatedAt: string;
}

export const canEdit = (role: Role) => role === 'owner' || role === 'editor';
