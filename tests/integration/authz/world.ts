import type { Method, TestUser } from '../helpers/api';

/**
 * The authorization matrix: every route file under app/api × every method it exports × {anonymous,
 * non-member, viewer, editor, owner, guest}. Rows live in one file per domain (`rows-*.ts`), each exporting
 * `rows` and optionally `prepare`, which adds what its routes need (a dataset, a run…) to every
 * fresh world under `extra`. A route missing from every rows file fails the coverage test.
 */
export type Who = 'anonymous' | 'nonMember' | 'viewer' | 'editor' | 'owner' | 'guest';
/** A guest ("Try it now") is in no shared team: unless a row says otherwise it gets what a non-member gets. */
export const WHO: Who[] = ['anonymous', 'nonMember', 'viewer', 'editor', 'owner', 'guest'];

export interface World {
  teamId: string;
  projectId: string;
  invitationId: string;
  /** An invitation addressed to the non-member's email. */
  myInvitationId: string;
  ownerTokenId: string;
  users: Record<Exclude<Who, 'anonymous'>, TestUser>;
  /** Ids added by the rows files' `prepare` hooks, e.g. `datasetId`. */
  extra: Record<string, string>;
}

/** What a rows file exports. */
export interface RowsModule {
  rows: Row[];
  /** Adds to each fresh world what this file's routes need; returns ids to merge into `extra`. */
  prepare?(world: World): Promise<Record<string, string>>;
}

export interface Row {
  file: string;
  method: Method;
  path: (w: World) => string;
  body?: (w: World) => unknown;
  /** Expected status for anonymous, non-member, viewer, editor, owner. */
  expect: [number, number, number, number, number];
  /** Expected status for a guest, when it differs from a non-member's. */
  guest?: number;
}
