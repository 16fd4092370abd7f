import { resolveCaller } from '@/server/auth/caller';
import { ApiError } from '@/server/http/errors';
import { projectAccess } from '@/server/permissions';
import { findActiveShareLink } from '@/server/share-links/find-share-link';
import { SHARE_TOKEN_PREFIX } from '@/server/share-links/share-token';

/** Who is in a room, as the room's connection remembers it. */
export interface RoomMember {
  /** The user's id; absent for someone following through a share link. */
  userId?: string;
  name: string;
  /** Viewers and share-link followers receive only; the server refuses their writes. */
  readOnly: boolean;
  /** The share link the connection came through, so revoking it disconnects them. */
  linkId?: string;
  /** When the share link stops working. */
  expiresAt?: number;
}

/** Refusals end the connection with a close code and these words (at most 123 bytes). */
export class RoomRefusal extends Error {
  /**
   * @param reason the close reason (a WebSocket allows at most 123 bytes of it)
   * @param detail the whole explanation, sent to the client as a message before the close
   */
  constructor(
    readonly code: number,
    readonly reason: string,
    readonly detail?: string,
  ) {
    super(reason.slice(0, 120));
    this.reason = reason.slice(0, 120);
  }
}

/** A cookie-bearing upgrade from another site is refused, as cookie-bearing writes are (CSRF). */
function checkOrigin(headers: Headers): void {
  const origin = headers.get('origin');
  if (!origin) return;
  const host = headers.get('host');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new RoomRefusal(4403, 'The connection came from another site.');
  }
  if (host && originHost !== host) throw new RoomRefusal(4403, 'The connection came from another site.');
}

/**
 * Who may join the room of `projectId`: a member of the project's team (viewers read only), found
 * from the session cookie or an API token (`token` = `nc_…`), or someone holding an active share
 * link for this very project (`token` = `ncs_…`, read only). Anyone else is refused, with no word of
 * whether the project exists.
 */
export async function authorizeRoom(headers: Headers, token: string, projectId: string): Promise<RoomMember> {
  if (token.startsWith(SHARE_TOKEN_PREFIX)) {
    const link = await findActiveShareLink(token);
    if (!link || link.projectId !== projectId) throw new RoomRefusal(4404, 'This share link is not valid, was revoked or has expired.');
    return { name: 'Guest', readOnly: true, linkId: link.id, expiresAt: link.expiresAt.getTime() };
  }
  const withToken = new Headers(headers);
  if (token) withToken.set('authorization', `Bearer ${token}`);
  else checkOrigin(headers);
  let caller: Awaited<ReturnType<typeof resolveCaller>>;
  try {
    caller = await resolveCaller(withToken, 'GET');
  } catch (error) {
    throw new RoomRefusal(4401, error instanceof ApiError ? error.message : 'Sign in to join this project.');
  }
  if (!caller || caller.predictOnly) throw new RoomRefusal(4401, 'Sign in to join this project.');
  try {
    const access = await projectAccess(caller.userId, projectId, 'viewer');
    return { userId: caller.userId, name: caller.name, readOnly: access.role === 'viewer' };
  } catch {
    throw new RoomRefusal(4404, 'The project was not found, or you do not have access to it.');
  }
}
