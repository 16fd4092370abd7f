import * as Y from 'yjs';
import { readRoomGraph } from '@/live/room-doc';
import { RoomRefusal } from './room-access';

/** The largest update one message may carry (a 20,000-layer design is far below it). */
export const MAX_UPDATE_BYTES = 2 * 1024 * 1024;

/**
 * Checks an update before it reaches a room: not too big, readable as a Yjs update, and leaving the
 * room's document a valid graph (the graph schema, as for any document read from outside). It is
 * tried on a copy, so a refused update changes nothing. Throws a `RoomRefusal` naming the problem.
 */
export function checkRoomUpdate(room: Y.Doc, update: Uint8Array): void {
  if (update.byteLength > MAX_UPDATE_BYTES) {
    throw new RoomRefusal(4413, `The update is ${update.byteLength} bytes; at most ${MAX_UPDATE_BYTES} are accepted.`);
  }
  const probe = new Y.Doc({ gc: false });
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(room));
  try {
    Y.applyUpdate(probe, update);
  } catch {
    throw new RoomRefusal(4400, 'The update is not a readable Yjs update; it was refused.');
  }
  const read = readRoomGraph(probe);
  probe.destroy();
  if (!read.ok) {
    const first = read.diagnostics[0];
    const where = [first?.nodeId && `layer "${first.nodeId}"`, first?.field && `field "${first.field}"`].filter(Boolean).join(', ');
    throw new RoomRefusal(4422, `Refused: the design would be invalid${where ? ` (${where})` : ''}.`, first?.message);
  }
}
