import { z } from 'zod';
import { TrainingShareSchema } from './training-share';

const Point = z.object({ x: z.number().finite(), y: z.number().finite() }).strict();

/**
 * What each person in a live room shares besides the design (Yjs awareness): who they are, where
 * their pointer is on the canvas (in the design's coordinates, so it lands on the same layer at any
 * zoom), what they selected, their view of the canvas, whether they are presenting, and a presenter's training run. Parsed on
 * arrival: a peer's state is data from outside.
 */
export const PresenceSchema = z.object({
  user: z.object({ name: z.string().min(1).max(100), color: z.string().regex(/^#[0-9a-f]{6}$/i) }),
  cursor: Point.nullable().optional(),
  selection: z.array(z.string().max(200)).max(1000).optional(),
  viewport: z.object({ x: z.number().finite(), y: z.number().finite(), zoom: z.number().positive().finite() }).optional(),
  presenting: z.boolean().optional(),
  /** A presenter's run training in their browser, for the room to watch. */
  training: TrainingShareSchema.nullable().optional().catch(undefined),
});
export type Presence = z.infer<typeof PresenceSchema>;

/** Someone else in the room, by their Yjs client id. */
export interface Peer extends Presence {
  clientId: number;
}

const COLORS = ['#e8590c', '#2f9e44', '#1971c2', '#c2255c', '#6741d9', '#0c8599', '#e67700', '#5c940d'];

/** A person's colour, the same on every screen: picked from their name. */
export function colorFor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return COLORS[hash % COLORS.length] as string;
}

/** The valid presences among the room's awareness states, without this client's own. */
export function peersOf(states: Map<number, unknown>, self: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    if (clientId === self) continue;
    const parsed = PresenceSchema.safeParse(state);
    if (parsed.success) peers.push({ clientId, ...parsed.data });
  }
  return peers.sort((a, b) => a.clientId - b.clientId);
}

/** The presenter the room follows: the first person presenting (by join order), if any. */
export function presenterOf(peers: readonly Peer[]): Peer | undefined {
  return peers.find((p) => p.presenting);
}
