/**
 * `npm run bench:api`: saving and loading a 1,000-node graph through the real HTTP API of the
 * production server, against a fresh PostgreSQL database.
 *
 * First, the server-side cost of one save before and now, measured in-process (save-cost.ts).
 * Then a single client saving one edit of one layer after another (p50/p99 of each request), sending
 * the whole document and, as the editor does, the changes against the parent with the result's hash.
 * Then autocannon, 50 connections, 30 s. Each connection owns a project and alternates: save a new
 * version of its 1,000-node graph (POST, on top of the head it last saw) and load the head version
 * (GET). Prints requests/s, p50/p99 latency, and counts: successes, 409 conflicts (expected only
 * under contention) and errors (anything else) — with one web server process and with one per core
 * (each on a fresh database), saves sending the whole document and saves sending changes, side by side.
 *
 * Settings: BENCH_POSTGRES_URL (admin connection, default postgresql://postgres@127.0.0.1:5432/postgres),
 * BENCH_CONNECTIONS (50), BENCH_SECONDS (30), BENCH_NODES (1000), BENCH_SAVES (single-client saves, 200).
 */
import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { canonicalDocJson, canonicalJson } from '../engine/graph/canonical-json';
import { changesBetween } from '../engine/graph/changes-between';
import { indexGraph } from '../engine/graph/indexed-graph';
import { parseGraph } from '../engine/graph/parse';
import type { GraphDoc } from '../engine/graph/schema';
import { GraphBuilder } from '../engine/templates/builder';
import { editOneLayer, type Figures, measureSaveCost, percentiles, sha256 } from './save-cost';
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
  const saves = { graph: graphSaves(graphJson), changes: changeSaves(parsed.doc, 10_000) };
  const one = await startBenchServer(dataDir(), { WEB_PROCESSES: '1' });
  let cost: Awaited<ReturnType<typeof measureSaveCost>>;
  let single: Record<SaveMode, Awaited<ReturnType<typeof singleClientSaves>>>;
  const concurrent = new Map<string, Concurrent>();
  const at = (processes: number, mode: SaveMode) => concurrent.get(`${processes} ${mode}`) as Concurrent;
  try {
    const { token, teamId } = await signUpWithToken(one.url);
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    cost = await measureSaveCost(one.databaseUrl, parsed.doc, Math.min(SAVES, 100));
    single = {
      graph: await singleClientSaves(one.url, auth, teamId, parsed.doc, 'graph'),
      changes: await singleClientSaves(one.url, auth, teamId, parsed.doc, 'changes'),
    };
    for (const mode of SAVE_MODES) concurrent.set(`1 ${mode}`, await savesAndLoads(one.url, auth, teamId, graphJson, saves[mode]));
  } finally {
    await one.stop();
  }
  // The same load on the default: one web server process per core (scripts/serve.ts).
  const cores = availableParallelism();
  const many = await startBenchServer(dataDir(), { WEB_PROCESSES: String(cores) });
  try {
    const { token, teamId } = await signUpWithToken(many.url);
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    for (const mode of SAVE_MODES) concurrent.set(`${cores} ${mode}`, await savesAndLoads(many.url, auth, teamId, graphJson, saves[mode]));
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
    `bench:api — 1 client, ${SAVES} saves in a row over HTTP, each editing one layer of the ${parsed.doc.nodes.length}-node graph (target p99 ≤ 50 ms)`,
    ...SAVE_MODES.map(
      (mode) =>
        `  ${MODE_WORDS[mode].padEnd(34)} ${ms(single[mode].latency)} · ${single[mode].perSecond.toFixed(1)} saves/s · errors ${single[mode].errors}`,
    ),
    '',
    `bench:api — ${CONNECTIONS} connections, ${SECONDS} s each, saving and loading a ${parsed.doc.nodes.length}-node graph, PostgreSQL`,
    ...[1, cores].flatMap((processes) =>
      SAVE_MODES.flatMap((mode) =>
        figuresOf(
          `${processes} web server process${processes === 1 ? '' : `es${processes === cores ? ' (the default: one per core)' : ''}`}, ${MODE_WORDS[mode]}`,
          at(processes, mode),
        ),
      ),
    ),
    ...SAVE_MODES.map((mode) => {
      const rate = (processes: number) => at(processes, mode).result.requests.average;
      return `ratio ${cores} processes / 1, ${MODE_WORDS[mode]}: ${(rate(cores) / rate(1)).toFixed(2)}×`;
    }),
    `against ${BASELINE_RATE} requests/s when saves were first measured (whole documents, one process): ${(
      at(cores, 'changes').result.requests.average / BASELINE_RATE
    ).toFixed(2)}× with changes on ${cores} processes (target ≥ 4×)`,
  ];
  console.log(lines.join('\n'));
  const errors = (c: Concurrent) => c.counts.errors + c.result.errors;
  const failed = [...concurrent.values()].reduce((sum, c) => sum + errors(c), single.graph.errors + single.changes.errors);
  if (failed > 0) process.exitCode = 1;
}

type SaveMode = 'graph' | 'changes';
const SAVE_MODES: readonly SaveMode[] = ['graph', 'changes'];
const MODE_WORDS: Record<SaveMode, string> = { graph: 'saves send the whole document', changes: 'saves send changes (the editor)' };
/** Requests/s of this load when it was first measured (50 connections, whole documents, one process, 2 cores). */
const BASELINE_RATE = 78.5;

/** The part of a save's body after `{"parent":N,`, for the n-th save: a new graph name each time. */
type SaveBody = (n: number) => string;

/** Whole documents: a new name each time, so every save stores new content (no deduplication shortcut). */
function graphSaves(graphJson: string): SaveBody {
  return (n) => `"message":"bench","graph":${graphJson.replace('"name":"', `"name":"${n} `)}`;
}

/**
 * The same saves as changes: one doc.patch of the name, with the hash of the graph it gives. The
 * hashes are made beforehand (`count` of them, then they repeat), so the figures are the server's.
 */
export function changeSaves(doc: GraphDoc, count: number): SaveBody {
  const indexed = indexGraph(doc);
  const nodeTexts = doc.nodes.map((n) => indexed.nodes.get(n.id)?.json as string);
  const edgeTexts = doc.edges.map((e) => indexed.edges.get(e.id)?.json as string);
  const bodies = Array.from({ length: count }, (_, n) => {
    const name = `c${n} ${doc.name}`;
    const graphHash = sha256(canonicalDocJson({ ...doc, name }, nodeTexts, edgeTexts));
    return `"message":"bench","changes":${JSON.stringify([{ kind: 'doc.patch', set: { name } }])},"graphHash":"${graphHash}"`;
  });
  return (n) => bodies[n % count] as string;
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
export async function savesAndLoads(
  url: string,
  auth: Record<string, string>,
  teamId: string,
  graphJson: string,
  saveBody: SaveBody,
): Promise<Concurrent> {
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
          return { ...request, path: `/api/projects/${id}/versions`, body: `{"parent":${heads.get(id)},${saveBody(++variant)}}` };
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

/**
 * One client saving edit after edit on top of its own last version, timing each request: sending the
 * whole document, or the changes against the version before with the hash of the result.
 */
async function singleClientSaves(
  url: string,
  headers: Record<string, string>,
  teamId: string,
  doc: GraphDoc,
  mode: SaveMode,
): Promise<{ count: number; latency: Figures; perSecond: number; errors: number }> {
  const project = await json<{ id: string }>(
    await fetch(`${url}/api/teams/${teamId}/projects`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: `single client, ${mode}` }),
    }),
  );
  const save = (body: string) => fetch(`${url}/api/projects/${project.id}/versions`, { method: 'POST', headers, body });
  await json(await save(JSON.stringify({ parent: null, message: 'edit', graph: doc })));
  // Bodies made beforehand: the figures are the server's and the network's, not the client's JSON.stringify.
  const docs = [doc, ...Array.from({ length: SAVES }, (_, i) => editOneLayer(doc, i + 1))];
  const bodies = docs.slice(1).map((next, i) => {
    const parent = i + 1;
    if (mode === 'graph') return JSON.stringify({ parent, message: 'edit', graph: next });
    const changes = changesBetween(docs[i] as GraphDoc, next);
    return JSON.stringify({ parent, message: 'edit', changes, graphHash: sha256(canonicalJson(next)) });
  });
  const durations: number[] = [];
  let errors = 0;
  const started = performance.now();
  for (const text of bodies) {
    const begin = performance.now();
    const response = await save(text);
    const answer = await response.text();
    durations.push(performance.now() - begin);
    if (response.status !== 201) {
      if (errors === 0) console.error(`a ${mode} save was refused: ${response.status} ${answer.slice(0, 300)}`);
      errors++;
    }
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
