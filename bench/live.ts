/**
 * Live rooms benchmark (`npm run bench:live`): one presenter and 50 followers (Hocuspocus provider
 * clients in Node, the followers on a share link) in one room for 60 s. The presenter changes a
 * layer five times a second; every follower notes when it sees each change. Prints the time from
 * an edit to the last follower seeing it (p50, p95, max), the same for the median follower, and the
 * server's memory (its own process) before the clients, at its peak and at the end.
 *
 * Options: FOLLOWERS (default 50), SECONDS (default 60), DATABASE_URL (default: embedded database).
 * Target: p95 edit → last follower under 1 s. Exits 1 when missed.
 */
import path from 'node:path';
import { createInterface } from 'node:readline';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { seedRoom, writeChanges } from '../live/room-doc';
import { spawnScript } from '../scripts/spawn-script';

const FOLLOWERS = Number(process.env.FOLLOWERS ?? 50);
const SECONDS = Number(process.env.SECONDS ?? 60);
const EDITS_PER_SECOND = 5;
const TARGET_P95_MS = 1000;
const root = path.resolve(import.meta.dirname, '..');

const STARTER = {
  format: 'netcanvas.graph' as const,
  version: 1 as const,
  nodes: [
    { id: 'input', type: 'input', params: { shape: [4] }, position: { x: 0, y: 0 } },
    { id: 'hidden', type: 'dense', params: { units: 16 }, position: { x: 0, y: 140 } },
    { id: 'output', type: 'dense', params: { units: 3, activation: 'softmax' }, position: { x: 0, y: 280 } },
  ],
  edges: [
    { id: 'e1', source: 'input', target: 'hidden' },
    { id: 'e2', source: 'hidden', target: 'output' },
  ],
};

interface Memory {
  rss: number;
  heap: number;
}

function client(url: string, room: string, token: string) {
  const ydoc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket });
  const synced = new Promise<void>((resolve) => {
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: ydoc, token, onSynced: () => resolve() });
    provider.attach();
    stops.push(() => {
      provider.destroy();
      socket.destroy();
    });
  });
  return { ydoc, synced };
}
const stops: (() => void)[] = [];

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const server = spawnScript('bench/live-server.ts', [], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (!server.stdout) throw new Error('the bench server has no output to read');
  const lines = createInterface({ input: server.stdout });
  const memory: Memory[] = [];
  const setup = await new Promise<{ url: string; projectId: string; token: string; shareToken: string }>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
    lines.on('line', (line) => {
      try {
        const value = JSON.parse(line) as Record<string, unknown>;
        if ('url' in value) resolve(value as never);
        else if ('rss' in value) memory.push(value as unknown as Memory);
      } catch {
        // a log line
      }
    });
  });
  // The server's memory with the room not yet open: the next sample after it is ready.
  const before = memory.length;
  while (memory.length < before + 2) await new Promise((r) => setTimeout(r, 200));
  const idle = memory.at(-1) as Memory;

  const presenter = client(setup.url, setup.projectId, setup.token);
  await presenter.synced;
  seedRoom(presenter.ydoc, STARTER);
  const followers = Array.from({ length: FOLLOWERS }, () => client(setup.url, setup.projectId, setup.shareToken));
  await Promise.all(followers.map((f) => f.synced));
  console.log(`[bench:live] 1 presenter and ${FOLLOWERS} followers in the room; editing for ${SECONDS} s`);

  const sentAt = new Map<number, number>();
  const seen = followers.map(() => new Map<number, number>());
  followers.forEach((f, i) => {
    const nodes = f.ydoc.getMap<Y.Map<unknown>>('nodes');
    f.ydoc.on('update', () => {
      const params = nodes.get('hidden')?.get('params') as { units?: number } | undefined;
      const n = params?.units;
      if (typeof n === 'number' && !seen[i]?.has(n)) seen[i]?.set(n, performance.now());
    });
  });
  const total = SECONDS * EDITS_PER_SECOND;
  for (let n = 1000; n < 1000 + total; n++) {
    sentAt.set(n, performance.now());
    writeChanges(presenter.ydoc, [{ kind: 'node.update', id: 'hidden', set: { params: { units: n } } }]);
    await new Promise((r) => setTimeout(r, 1000 / EDITS_PER_SECOND));
  }
  await new Promise((r) => setTimeout(r, 2000));

  const last: number[] = [];
  const median: number[] = [];
  let missed = 0;
  memory.splice(0, memory.indexOf(idle));
  for (const [n, at] of sentAt) {
    const times = seen.map((s) => s.get(n));
    // A follower may skip an edit when two arrive in one update: it sees the later one, then.
    const got = times
      .map((t, i) => t ?? [...(seen[i]?.entries() ?? [])].find(([m]) => m > n)?.[1])
      .filter((t): t is number => t !== undefined);
    if (got.length < FOLLOWERS) missed++;
    if (got.length === 0) continue;
    const delays = got.map((t) => t - at).sort((a, b) => a - b);
    last.push(delays.at(-1) as number);
    median.push(quantile(delays, 0.5));
  }
  last.sort((a, b) => a - b);
  median.sort((a, b) => a - b);
  const peak = memory.reduce((m, s) => (s.rss > m.rss ? s : m), idle);
  const end = memory.at(-1) ?? idle;
  console.log('');
  console.log(
    `edits: ${total} (${EDITS_PER_SECOND}/s for ${SECONDS} s), followers: ${FOLLOWERS}, edits some follower never saw: ${missed}`,
  );
  console.log('edit → follower seeing it      p50        p95        max');
  console.log(
    `  last follower          ${last.length ? `${quantile(last, 0.5).toFixed(1).padStart(8)} ms ${quantile(last, 0.95).toFixed(1).padStart(8)} ms ${(last.at(-1) ?? 0).toFixed(1).padStart(8)} ms` : 'none'}`,
  );
  console.log(
    `  median follower        ${median.length ? `${quantile(median, 0.5).toFixed(1).padStart(8)} ms ${quantile(median, 0.95).toFixed(1).padStart(8)} ms ${(median.at(-1) ?? 0).toFixed(1).padStart(8)} ms` : 'none'}`,
  );
  console.log(
    `server memory (rss / heap): idle ${mb(idle.rss)} / ${mb(idle.heap)}, peak ${mb(peak.rss)} / ${mb(peak.heap)}, end ${mb(end.rss)} / ${mb(end.heap)}`,
  );
  console.log(`  per follower: ${mb((peak.rss - idle.rss) / (FOLLOWERS + 1))} rss above idle`);
  const p95 = quantile(last, 0.95);
  console.log(
    `target p95 edit → last follower < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? 'met' : 'MISSED'} (ratio ${(p95 / TARGET_P95_MS).toFixed(3)})`,
  );
  for (const stop of stops) stop();
  server.kill('SIGTERM');
  process.exit(p95 < TARGET_P95_MS && missed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
