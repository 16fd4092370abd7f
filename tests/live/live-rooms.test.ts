import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GRAPH_FORMAT } from '@/engine/graph/schema';
import { readRoomGraph, writeChanges } from '@/live/room-doc';
import { db } from '@/server/db/client';
import { type CollabServer, createCollabServer } from '@/server/live/collab-server';
import { MAX_UPDATE_BYTES } from '@/server/live/room-guard';
import { storedRoomState } from '@/server/live/room-store';
import { call, graphFixture, signUp, type TestUser, verifyEmail } from '../integration/helpers/api';
import { describeOnOneDatabase } from '../integration/helpers/databases';
import { roomClient, until } from './room-client';

/** One app instance's live rooms on a port of its own (two of them share the test database). */
async function instance(): Promise<{ url: string; collab: CollabServer; server: Server }> {
  const collab = createCollabServer();
  const server = createServer((_req, res) => res.end());
  server.on('upgrade', (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api/collab`, collab, server };
}

const layerCount = (ydoc: Y.Doc) => {
  const read = readRoomGraph(ydoc);
  return read.ok ? read.doc.nodes.length : -1;
};
const hasLayer = (ydoc: Y.Doc, id: string) => {
  const read = readRoomGraph(ydoc);
  return read.ok && read.doc.nodes.some((n) => n.id === id);
};
const addDense = (ydoc: Y.Doc, id: string) =>
  writeChanges(ydoc, [{ kind: 'node.add', node: { id, type: 'dense', params: { units: 4 }, position: { x: 0, y: 300 } } }]);

describeOnOneDatabase('live rooms', () => {
  const people = {} as Record<'owner' | 'viewer' | 'stranger', TestUser>;
  let projectId = '';
  let a: Awaited<ReturnType<typeof instance>>;
  let b: Awaited<ReturnType<typeof instance>>;

  beforeAll(async () => {
    for (const who of ['owner', 'viewer', 'stranger'] as const) {
      people[who] = await signUp(`${who} person`);
      await verifyEmail(people[who]);
    }
    const team = await db().team.create({
      data: {
        name: 'Class',
        memberships: {
          create: [
            { userId: people.owner.id, role: 'owner' },
            { userId: people.viewer.id, role: 'viewer' },
          ],
        },
      },
    });
    const project = await call('POST', `/api/teams/${team.id}/projects`, { as: people.owner, body: { name: 'Live' } });
    projectId = project.body.id;
    await call('POST', `/api/projects/${projectId}/versions`, { as: people.owner, body: { parent: null, graph: graphFixture(5) } });
    a = await instance();
    b = await instance();
  });

  afterAll(async () => {
    for (const i of [a, b]) {
      await i?.collab.close();
      i?.server.closeAllConnections();
      await new Promise((r) => i?.server.close(r));
    }
  });

  it('opens a room on the newest version, and an owner’s edit reaches a viewer', async () => {
    const owner = roomClient(a.url, projectId, { cookie: people.owner.cookie });
    const viewer = roomClient(a.url, projectId, { cookie: people.viewer.cookie });
    expect(await owner.synced).toBe(true);
    expect(await viewer.synced).toBe(true);
    expect(layerCount(owner.ydoc)).toBe(3);
    addDense(owner.ydoc, 'added');
    await until(viewer.ydoc, () => layerCount(viewer.ydoc) === 4);
    owner.destroy();
    viewer.destroy();
  });

  it('refuses a viewer’s writes on the server', async () => {
    const viewer = roomClient(a.url, projectId, { cookie: people.viewer.cookie });
    const watcher = roomClient(a.url, projectId, { cookie: people.owner.cookie });
    await Promise.all([viewer.synced, watcher.synced]);
    const before = layerCount(watcher.ydoc);
    addDense(viewer.ydoc, 'from-viewer');
    await new Promise((r) => setTimeout(r, 600));
    expect(layerCount(watcher.ydoc)).toBe(before);
    const fresh = roomClient(a.url, projectId, { cookie: people.owner.cookie });
    await fresh.synced;
    expect(hasLayer(fresh.ydoc, 'from-viewer')).toBe(false);
    for (const c of [viewer, watcher, fresh]) c.destroy();
  });

  it('gives a non-member, an anonymous caller and a cross-site page nothing', async () => {
    const stranger = roomClient(a.url, projectId, { cookie: people.stranger.cookie });
    const anonymous = roomClient(a.url, projectId);
    const crossSite = roomClient(a.url, projectId, { cookie: people.owner.cookie, origin: 'https://evil.example' });
    for (const c of [stranger, anonymous, crossSite]) {
      expect(await c.synced).toBe(false);
      expect(layerCount(c.ydoc)).toBe(0);
      c.destroy();
    }
    expect(stranger.messages.join(' ')).toMatch(/not found|access/);
  });

  it('lets an active share link follow read-only, and not a revoked or expired one', async () => {
    const made = await call('POST', `/api/projects/${projectId}/share-links`, { as: people.owner, body: { expiresInHours: 1 } });
    expect(made.status).toBe(201);
    const follower = roomClient(a.url, projectId, { token: made.body.token });
    expect(await follower.synced).toBe(true);
    expect(layerCount(follower.ydoc)).toBeGreaterThan(0);
    addDense(follower.ydoc, 'from-link');
    const owner = roomClient(a.url, projectId, { cookie: people.owner.cookie });
    await owner.synced;
    await new Promise((r) => setTimeout(r, 300));
    expect(hasLayer(owner.ydoc, 'from-link')).toBe(false);

    // Revoking disconnects the follower and keeps the link from opening again.
    expect((await call('DELETE', `/api/projects/${projectId}/share-links/${made.body.id}`, { as: people.owner })).status).toBe(204);
    expect((await follower.closed).reason).toMatch(/revoked/);
    const again = roomClient(a.url, projectId, { token: made.body.token });
    expect(await again.synced).toBe(false);

    const expiring = await call('POST', `/api/projects/${projectId}/share-links`, { as: people.owner, body: { expiresInHours: 1 } });
    await db().shareLink.update({ where: { id: expiring.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = roomClient(a.url, projectId, { token: expiring.body.token });
    expect(await late.synced).toBe(false);
    expect(layerCount(late.ydoc)).toBe(0);
    for (const c of [follower, owner, again, late]) c.destroy();
  });

  it('refuses an update that would make the design invalid, with a message, and the room stays valid', async () => {
    const bad = roomClient(a.url, projectId, { cookie: people.owner.cookie });
    const watcher = roomClient(a.url, projectId, { cookie: people.owner.cookie });
    await Promise.all([bad.synced, watcher.synced]);
    // A layer without a position is not a graph document.
    bad.ydoc.transact(() => {
      const node = new Y.Map<unknown>();
      node.set('type', 'dense');
      node.set('params', { units: 3 });
      bad.ydoc.getMap('nodes').set('broken', node);
    });
    const closed = await bad.closed;
    expect(closed.reason).toMatch(/invalid \(layer "broken", field "position"\)/);
    expect(bad.messages.join(' ')).toMatch(/refused|Refused/);
    await new Promise((r) => setTimeout(r, 200));
    const read = readRoomGraph(watcher.ydoc);
    expect(read.ok).toBe(true);
    expect(read.ok && read.doc.format).toBe(GRAPH_FORMAT);
    bad.destroy();
    watcher.destroy();
  });

  it('refuses bytes that are not a Yjs update, and one too big', async () => {
    const valid = new Y.Doc();
    valid.getMap('meta').set('name', 'a name long enough to cut');
    const truncated = Y.encodeStateAsUpdate(valid).slice(0, -5);
    for (const update of [truncated, new Uint8Array(MAX_UPDATE_BYTES + 10_000)]) {
      const bad = roomClient(a.url, projectId, { cookie: people.owner.cookie });
      await bad.synced;
      // Sent as the provider would send an update, so only the server's check stands in the way.
      const message = encoding.createEncoder();
      encoding.writeVarString(message, projectId);
      encoding.writeVarUint(message, 0); // sync
      encoding.writeVarUint(message, 2); // update
      encoding.writeVarUint8Array(message, update);
      bad.provider.configuration.websocketProvider.send(encoding.toUint8Array(message));
      const closed = await bad.closed;
      expect(closed.reason).toMatch(/not a readable|at most|bytes/);
      bad.destroy();
    }
    const watcher = roomClient(a.url, projectId, { cookie: people.owner.cookie });
    expect(await watcher.synced).toBe(true);
    expect(readRoomGraph(watcher.ydoc).ok).toBe(true);
    watcher.destroy();
  });

  it('keeps two instances on one database in step, and stores the room', async () => {
    const onA = roomClient(a.url, projectId, { cookie: people.owner.cookie });
    const onB = roomClient(b.url, projectId, { cookie: people.viewer.cookie });
    await Promise.all([onA.synced, onB.synced]);
    await until(onB.ydoc, () => layerCount(onB.ydoc) === layerCount(onA.ydoc));
    const before = layerCount(onA.ydoc);
    const started = performance.now();
    addDense(onA.ydoc, 'across');
    await until(onB.ydoc, () => layerCount(onB.ydoc) === before + 1);
    console.log(`[live] edit on instance A seen on instance B after ${(performance.now() - started).toFixed(0)} ms`);
    await new Promise((r) => setTimeout(r, 1200));
    const stored = await storedRoomState(projectId);
    const copy = new Y.Doc();
    if (stored) Y.applyUpdate(copy, stored);
    expect(hasLayer(copy, 'across')).toBe(true);
    onA.destroy();
    onB.destroy();
  });

  it('drops the sockets when an instance stops, so browsers reconnect instead of giving up', async () => {
    const c = await instance();
    const owner = roomClient(c.url, projectId, { cookie: people.owner.cookie });
    expect(await owner.synced).toBe(true);
    await c.collab.close();
    expect(await owner.closed).toEqual({ code: 1012, reason: 'The server is restarting.' });
    owner.destroy();
    c.server.closeAllConnections();
    await new Promise((r) => c.server.close(r));
  });
});

describe('room client helper', () => {
  it('reports a refused connection as not synced', async () => {
    const c = roomClient('ws://127.0.0.1:9/api/collab', 'nothing');
    expect(await c.synced).toBe(false);
    c.destroy();
  });
});
