import { beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { GraphDoc } from '@/engine/graph/schema';
import { bringRoomTo, markRoomSaved, readRoomGraph, roomIsBehind, roomSaved, seedRoom, writeChanges } from '@/live/room-doc';
import { db } from '@/server/db/client';
import { loadRoom, storeRoom } from '@/server/live/room-store';
import { call, graphFixture, signUp, type TestUser, verifyEmail } from '../integration/helpers/api';
import { describeOnOneDatabase } from '../integration/helpers/databases';

const unitsOf = (ydoc: Y.Doc) => {
  const read = readRoomGraph(ydoc);
  if (!read.ok) throw new Error('the room does not read as a graph');
  return read.doc.nodes.find((n) => n.id === 'd1')?.params.units;
};
const layerIds = (ydoc: Y.Doc) => {
  const read = readRoomGraph(ydoc);
  return read.ok ? read.doc.nodes.map((n) => n.id) : [];
};
/** What a freshly started server finds for the room. */
const reopened = async (projectId: string) => {
  const ydoc = new Y.Doc();
  expect(await loadRoom(projectId, ydoc)).toBe(true);
  return ydoc;
};

describeOnOneDatabase('a live room against the saved versions', () => {
  let owner: TestUser;
  let teamId = '';

  beforeAll(async () => {
    owner = await signUp('room store owner');
    await verifyEmail(owner);
    const team = await db().team.create({ data: { name: 'Rooms', memberships: { create: [{ userId: owner.id, role: 'owner' }] } } });
    teamId = team.id;
  });

  const project = async (units: number) => {
    const made = await call('POST', `/api/teams/${teamId}/projects`, { as: owner, body: { name: `Room ${units}` } });
    const saved = await call('POST', `/api/projects/${made.body.id}/versions`, {
      as: owner,
      body: { parent: null, graph: graphFixture(units) },
    });
    expect(saved.status).toBe(201);
    return made.body.id as string;
  };

  it('opens on the newest version, marked as saved', async () => {
    const id = await project(16);
    const room = await reopened(id);
    expect(unitsOf(room)).toBe(16);
    expect(roomSaved(room)?.number).toBe(1);
  });

  it('keeps unsaved edits across a restart when nobody saved since', async () => {
    const id = await project(16);
    const room = await reopened(id);
    writeChanges(room, [{ kind: 'node.update', id: 'd1', set: { params: { units: 20, activation: 'relu' } } }]);
    await storeRoom(id, room);
    expect(unitsOf(await reopened(id))).toBe(20);
  });

  it('takes a version saved after the room was last stored (the server stopped before storing it)', async () => {
    const id = await project(16);
    const room = await reopened(id);
    await storeRoom(id, room);
    // The editor saved 48 units as version 2; the room's copy with that edit was never stored.
    const saved = await call('POST', `/api/projects/${id}/versions`, { as: owner, body: { parent: 1, graph: graphFixture(48) } });
    expect(saved.status).toBe(201);
    const after = await reopened(id);
    expect(unitsOf(after)).toBe(48);
    expect(roomSaved(after)?.number).toBe(2);
    // And the stored room, once stored again, stays on version 2.
    await storeRoom(id, after);
    expect(unitsOf(await reopened(id))).toBe(48);
  });

  it('takes a version made elsewhere over unsaved edits of an older one', async () => {
    const id = await project(16);
    const room = await reopened(id);
    writeChanges(room, [{ kind: 'node.add', node: { id: 'extra', type: 'dropout', params: { rate: 0.2 }, position: { x: 0, y: 300 } } }]);
    await storeRoom(id, room);
    const restored = await call('POST', `/api/projects/${id}/versions`, { as: owner, body: { parent: 1, graph: graphFixture(8) } });
    expect(restored.status).toBe(201);
    const after = await reopened(id);
    expect(unitsOf(after)).toBe(8);
    expect(layerIds(after)).not.toContain('extra');
  });
});

it('tells a room behind a version, and brings it there as one mergeable edit', () => {
  const v1 = graphFixture(16) as GraphDoc;
  const v2 = graphFixture(48, { name: 'Renamed' }) as GraphDoc;
  const a = new Y.Doc();
  seedRoom(a, v1);
  expect(roomIsBehind(a, 1)).toBe(true);
  markRoomSaved(a, { number: 1, hash: 'x' });
  expect(roomIsBehind(a, 1)).toBe(false);
  expect(roomIsBehind(a, 2)).toBe(true);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  bringRoomTo(a, v2, 2);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  expect(unitsOf(b)).toBe(48);
  expect(roomSaved(b)?.number).toBe(2);
  const read = readRoomGraph(b);
  expect(read.ok && read.doc.name).toBe('Renamed');
});
