import { z } from 'zod';
import { Timestamp } from '@/server/http/contract';
import { RoleSchema } from '@/server/teams/schemas';

const Id = z.string().min(1).max(100);

export const ProjectParams = z.object({ projectId: Id });
export const TeamProjectsParams = z.object({ teamId: Id });

const Name = z.string().trim().min(1, 'Give the project a name.').max(200);
const Description = z.string().trim().max(2000);

export const CreateProjectInput = z
  .object({
    name: Name,
    description: Description.default(''),
    /** Start from one of the engine's templates (saved as version 1) instead of an empty project. */
    template: z.string().max(100).optional(),
  })
  .strict();
export const UpdateProjectInput = z
  .object({ name: Name.optional(), description: Description.optional(), teamId: Id.optional() })
  .strict()
  .refine((v) => v.name !== undefined || v.description !== undefined || v.teamId !== undefined, 'Nothing to change.');
export const DuplicateProjectInput = z.object({ teamId: Id.optional(), name: Name.optional() }).strict();

export const ProjectSummarySchema = z.object({
  id: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  name: z.string(),
  description: z.string(),
  headNumber: z.number().int().nullable(),
  forkedFrom: z.object({ id: z.string(), name: z.string(), number: z.number().int().nullable() }).nullable(),
  role: RoleSchema,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;
export const ProjectListSchema = z.object({ projects: z.array(ProjectSummarySchema) });
