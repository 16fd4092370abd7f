/**
 * `npm run bench:api`: saving and loading a 1,000-node graph through the real HTTP API of the
 * production server, against a fresh PostgreSQL database.
 *
 * First, the server-side cost of one save before and now, measured in-process (save-cost.ts).
 * Then a single client saving one edit of one layer after another (p50/p99 of each request).
 * Then autocannon, 50 connections, 30 s. Each connection owns a project and alternates: save a new
 * version of its 1,000-node graph (POST, on top of the head it last saw) and load the head version
 * (GET). Prints requests/s, p50/p99 latency, and counts: successes, 409 conflicts (expected only
 * under contention) and errors (anything else) — once with one web server process and once with
 * one per core (a second server on a fresh database), side by side.
 *
 * Settings: BENCH_POSTGRES_URL (admin connection, default postgresql://postgres@127.0.0.1:5432/postgres),
 * BENCH_CONNECTIONS (50), BENCH_SECONDS (30), BENCH_NODES (1000), BENCH_SAVES (single-client saves, 200).
 */
import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { parseGraph } from '../engine/graph/parse';
import type { GraphDoc } from '../engine/graph/schema';
import { GraphBuilder } from '../engine/templates/builder';
import { editOneLayer, type Figures, measureSaveCost, percentiles } from './save-cost';
import { json, signUpWithToken, startBenchServer } from './support';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const NODES = Number(process.env.BENCH_NODES ?? 1000);
const SAVES = Number(process.env.BENCH_SAVES ?? 200);

/** A valid graph of about `nodes` layers: dense chains and conv branches joined by concatenate/add. */
export function benchGraph(nodes: number): GraphDoc {
  const g = new GraphBuilder();
  const image = g.add('input', { shape: [32, 32, 3] });
  const table = g.add('input', { shape: [64] });
  let x = g.add('conv2d', { filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' }, [image]);
  let y = table;
  let count = 3;
  while (count < nodes - 4) {
    const a = g.add('conv2d', { filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' }, [x]);
    const b = g.add('conv2d', { filters: 16, kernelSize: 1, padding: 'same' }, [x]);
    x = g.add('add', {}, [a, b]);
    y = g.add('dense', { units: 32 + (count % 5) * 8, activation: 'relu' }, [y]);
    y = g.add('dropout', { rate: 0.1 }, [y]);
    count += 5;
  }
  const pooled = g.add('globalAveragePooling2d', {}, [x]);
  const joined = g.add('concatenate', {}, [pooled, y]);
  g.add('dense', { units: 10, activation: 'softmax' }, [joined]);
  return g.build(`${nodes}-node benchmark graph`);
}

async function main(): Promise<void> {
  const graph = benchGraph(NODES);
  const parsed = parseGraph(graph);
  if (!parsed.ok) throw new Error(`the benchmark graph is not valid: ${parsed.diagnostics[0]?.message}`);
  const graphJson = JSON.stringify(parsed.doc);

  const dataDir = () => mkdtempSync(path.join(tmpdir(), 'netcanvas-bench-'));
  const one = await startBenchServer(dataDir(), { WEB_PROCESSES: '1' });
  let cost: Awaited<ReturnType<typeof measureSaveCost>>;
  let single: Awaited<ReturnType<typeof singleClientSaves>>;
  let concurrent: Concurrent;
  try {
    const { token, teamId } = await signUpWithToken(one.url);
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    cost = await measureSaveCost(one.databaseUrl, parsed.doc, Math.min(SAVES, 100));
    single = await singleClientSaves(one.url, auth, teamId, parsed.doc);
    concurrent = await savesAndLoads(one.url, auth, teamId, graphJson);
  } finally {
    await one.stop();
  }
  // The same load on the default: one web server process per core (scripts/serve.ts).
  const cores = availableParallelism();
  const many = await startBenchServer(dataDir(), { WEB_PROCESSES: String(cores) });
  let spread: Concurrent;
  try {
    const { token, teamId } = await signUpWithToken(many.url);
    spread = await savesAndLoads(many.url, { 'content-type': 'application/json', authorization: `Bearer ${token}` }, teamId, graphJson);
  } finally {
    await many.stop();
  }

  const ms = (f: Figures) => `p50 ${f.p50.toFixed(1)} ms · p99 ${f.p99.toFixed(1)} ms`;
  const lines = [
    '',
    `graph: ${parsed.doc.nodes.length} nodes, ${parsed.doc.edges.length} edges, ${(graphJson.length / 1024).toFixed(0)} KiB of JSON`,
    '',
    `bench:api — one save of a ${parsed.doc.nodes.length}-node graph with one layer edited, server side, in-process`,
    `  before (full parse, canonical JSON, jsonb)   validate ${ms(cost.before.validate)} · store ${ms(cost.before.store)} · total ${ms(cost.before.total)}`,
    `  now (against the parent, text)              validate ${ms(cost.now.validate)} · store ${ms(cost.now.store)} · total ${ms(cost.now.total)}`,
    `  ratio before/now, total p50                 ${(cost.before.total.p50 / cost.now.total.p50).toFixed(1)}×`,
    '',
    `bench:api — 1 client, ${single.count} saves in a row over HTTP, each editing one layer of the ${parsed.doc.nodes.length}-node graph`,
    `save latency ${ms(single.latency)} (target p99 ≤ 50 ms) · ${single.perSecond.toFixed(1)} saves/s · errors ${single.errors}`,
    '',
    `bench:api — ${CONNECTIONS} connections, ${SECONDS} s each, saving and loading a ${parsed.doc.nodes.length}-node graph, PostgreSQL`,
    ...figuresOf('1 web server process', concurrent),
    ...figuresOf(`${cores} web server processes (the default: one per core)`, spread),
    `ratio ${cores} processes / 1, requests/s   ${(spread.result.requests.average / concurrent.result.requests.average).toFixed(2)}×`,
  ];
  console.log(lines.join('\n'));
  const errors = (c: Concurrent) => c.counts.errors + c.result.errors;
  if (errors(concurrent) + errors(spread) + single.errors > 0) process.exitCode = 1;
}

type Concurrent = { result: autocannon.Result; counts: { saved: number; loaded: number; conflicts: number; errors: number } };

function figuresOf(title: string, { result, counts }: Concurrent): string[] {
  return [
    `${title}:`,
    `  requests/s   ${result.requests.average.toFixed(1)} (total ${result.requests.total})`,
    `  latency      p50 ${result.latency.p50} ms · p99 ${result.latency.p99} ms · max ${result.latency.max} ms`,
    `  throughput   ${(result.throughput.average / 1024 / 1024).toFixed(1)} MiB/s`,
    `  saves ${counts.saved} (201) · loads ${counts.loaded} (200) · conflicts ${counts.conflicts} (409, expected only under contention)`,
    `  errors       ${counts.errors + result.errors} (other statuses ${counts.errors}, socket errors ${result.errors}, timeouts ${result.timeouts})`,
  ];
}

/**
 * CONNECTIONS connections for SECONDS seconds over as many projects, each with a first version: a
 * round saves on top of the head last seen, then loads the head, on a project no other round holds.
 */
async function savesAndLoads(url: string, auth: Record<string, string>, teamId: string, graphJson: string): Promise<Concurrent> {
  const projects: string[] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const project = await json<{ id: string }>(
      await fetch(`${url}/api/teams/${teamId}/projects`, { method: 'POST', headers: auth, body: JSON.stringify({ name: `bench ${i}` }) }),
    );
    await json(
      await fetch(`${url}/api/projects/${project.id}/versions`, {
        method: 'POST',
        headers: auth,
        body: `{"parent":null,"message":"v1","graph":${graphJson}}`,
      }),
    );
    projects.push(project.id);
  }
  const counts = { saved: 0, loaded: 0, conflicts: 0, errors: 0 };
  const heads = new Map(projects.map((id) => [id, 1]));
  // A round (save, then load) takes a project no other connection holds and gives it back at its end:
  // autocannon clears a connection's context after each round, so it cannot keep one of its own, and
  // two connections on one project would only measure their conflicts.
  const free = [...projects];
  let variant = 0;
  type Context = { projectId?: string };
  const project = (context: Context) => {
    context.projectId ??= free.shift() as string;
    return context.projectId;
  };
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: auth,
    requests: [
      {
        method: 'POST',
        setupRequest: (request, context) => {
          const id = project(context as Context);
          // A new name each time, so every save stores new content (no deduplication shortcut).
          const doc = graphJson.replace('"name":"', `"name":"${++variant} `);
          return { ...request, path: `/api/projects/${id}/versions`, body: `{"parent":${heads.get(id)},"message":"bench","graph":${doc}}` };
        },
        onResponse: (status, body, context) => {
          const id = (context as Context).projectId as string;
          if (status === 201) {
            counts.saved++;
            heads.set(id, Math.max(heads.get(id) ?? 0, (JSON.parse(body) as { number: number }).number));
          } else if (status === 409) {
            counts.conflicts++;
            heads.set(id, (JSON.parse(body) as { error: { details: { head: { number: number } } } }).error.details.head.number);
          } else counts.errors++;
        },
      },
      {
        method: 'GET',
        setupRequest: (request, context) => ({ ...request, path: `/api/projects/${project(context as Context)}/versions/head` }),
        onResponse: (status, _body, context) => {
          if (status === 200) counts.loaded++;
          else counts.errors++;
          free.push((context as Context).projectId as string);
        },
      },
    ],
  });
  return { result, counts };
}

/** One client saving edit after edit on top of its own last version, timing each request. */
async function singleClientSaves(
  url: string,
  headers: Record<string, string>,
  teamId: string,
  doc: GraphDoc,
): Promise<{ count: number; latency: Figures; perSecond: number; errors: number }> {
  const project = await json<{ id: string }>(
    await fetch(`${url}/api/teams/${teamId}/projects`, { method: 'POST', headers, body: JSON.stringify({ name: 'single client' }) }),
  );
  const save = (body: string) => fetch(`${url}/api/projects/${project.id}/versions`, { method: 'POST', headers, body });
  const body = (parent: number | null, graph: GraphDoc) => JSON.stringify({ parent, message: 'edit', graph });
  await json(await save(body(null, doc)));
  // Bodies made beforehand: the figures are the server's and the network's, not the client's JSON.stringify.
  const bodies = Array.from({ length: SAVES }, (_, i) => body(i + 1, editOneLayer(doc, i + 1)));
  const durations: number[] = [];
  let errors = 0;
  const started = performance.now();
  for (const text of bodies) {
    const begin = performance.now();
    const response = await save(text);
    await response.text();
    durations.push(performance.now() - begin);
    if (response.status !== 201) errors++;
  }
  const seconds = (performance.now() - started) / 1000;
  return { count: SAVES, latency: percentiles(durations), perSecond: SAVES / seconds, errors };
}

if (process.argv[1]?.endsWith('api.ts'))
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
