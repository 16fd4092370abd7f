import * as Y from 'yjs';
import type { GraphDoc } from '@/engine/graph/schema';
import { bringRoomTo, isEmptyRoom, roomIsBehind } from '@/live/room-doc';
import { db } from '@/server/db/client';
import { getVersion } from '@/server/versions/get-version';

/**
 * Fills a room's document from the database: its stored state, brought up to the project's newest
 * version when that is newer than what the room was last saved as; or, the first time, that
 * version. Unsaved edits in a room survive a restart as long as nobody saved a newer version
 * meanwhile. Returns false when the project does not exist.
 */
export async function loadRoom(projectId: string, ydoc: Y.Doc): Promise<boolean> {
  const project = await db().project.findUnique({
    where: { id: projectId },
    select: { headNumber: true, name: true, liveRoom: { select: { state: true } } },
  });
  if (!project) return false;
  if (project.liveRoom) Y.applyUpdate(ydoc, new Uint8Array(project.liveRoom.state));
  const { headNumber } = project;
  if (headNumber === null) return true;
  if (!isEmptyRoom(ydoc) && !roomIsBehind(ydoc, headNumber)) return true;
  const head = await headGraph(projectId, headNumber);
  if (head) bringRoomTo(ydoc, head, headNumber);
  return true;
}

async function headGraph(projectId: string, headNumber: number): Promise<GraphDoc | null> {
  return (await getVersion(projectId, headNumber)).graph;
}

/**
 * Stores a room's document. The stored state is merged with what is there, never replaced, so an
 * instance that joined a room late cannot drop what another instance stored before it.
 */
export async function storeRoom(projectId: string, ydoc: Y.Doc): Promise<void> {
  const update = Y.encodeStateAsUpdate(ydoc);
  await db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ state: Uint8Array }[]>`SELECT state FROM live_room WHERE "projectId" = ${projectId} FOR UPDATE`;
    const existing = rows[0]?.state;
    const merged = existing ? Y.mergeUpdates([new Uint8Array(existing), update]) : update;
    await tx.liveRoom.upsert({
      where: { projectId },
      create: { projectId, state: Buffer.from(merged) },
      update: { state: Buffer.from(merged) },
    });
  });
}

/** The stored state of a room, for an instance that must catch up with it. */
export async function storedRoomState(projectId: string): Promise<Uint8Array | null> {
  const row = await db().liveRoom.findUnique({ where: { projectId }, select: { state: true } });
  return row ? new Uint8Array(row.state) : null;
}
