/**
 * The server-side cost of one save of a large design, measured in-process on the bench database,
 * the way saves worked before and the way they work now, one after the other on the same machine:
 *
 *   before  parseGraph over every node + canonicalJson of the whole document + SHA-256, stored as jsonb;
 *   now     parseGraphAgainst the parent (only the edited layer is parsed and serialized) + SHA-256,
 *           stored as text in a table made like graph_content.
 *
 * Each save edits one layer of the previous version and is committed on its own, as a save is.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { canonicalJson } from '../engine/graph/canonical-json';
import { parseGraph } from '../engine/graph/parse';
import { parseGraphAgainst } from '../engine/graph/parse-against';
import type { GraphDoc } from '../engine/graph/schema';

export interface Figures {
  p50: number;
  p99: number;
}

export interface SaveCost {
  before: { validate: Figures; store: Figures; total: Figures };
  now: { validate: Figures; store: Figures; total: Figures };
}

/** p50 and p99 of some durations (ms). */
export function percentiles(durations: readonly number[]): Figures {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99) };
}

/** The design with one layer changed (the `round`-th edit): what a client sends back. */
export function editOneLayer(doc: GraphDoc, round: number): GraphDoc {
  const dense = doc.nodes.filter((n) => n.type === 'dense');
  const target = dense[round % dense.length];
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (n === target ? { ...n, params: { ...n.params, units: 16 + (round % 97) } } : n)),
  };
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function measureSaveCost(databaseUrl: string, doc: GraphDoc, saves: number): Promise<SaveCost> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('CREATE TABLE bench_jsonb_content ("hash" TEXT PRIMARY KEY, "doc" JSONB NOT NULL, "size" INTEGER NOT NULL)');
    await client.query('CREATE TABLE bench_text_content (LIKE "graph_content" INCLUDING ALL)');
    const texts = Array.from({ length: saves }, (_, i) => JSON.stringify(editOneLayer(doc, i)));
    const before = { validate: [] as number[], store: [] as number[], total: [] as number[] };
    for (const [i, text] of texts.entries()) {
      const started = performance.now();
      const parsed = parseGraph(JSON.parse(text));
      if (!parsed.ok) throw new Error('the benchmark graph is not valid');
      const json = canonicalJson(parsed.doc);
      const hash = sha256(json);
      const validated = performance.now();
      await client.query('INSERT INTO bench_jsonb_content VALUES ($1, $2::jsonb, $3)', [`${hash}${i}`, json, json.length]);
      record(before, started, validated);
    }
    const now = { validate: [] as number[], store: [] as number[], total: [] as number[] };
    const first = parseGraphAgainst(doc);
    if (!first.ok) throw new Error('the benchmark graph is not valid');
    let parent = first.graph;
    for (const [i, text] of texts.entries()) {
      const started = performance.now();
      const parsed = parseGraphAgainst(JSON.parse(text), parent);
      if (!parsed.ok) throw new Error('the benchmark graph is not valid');
      const hash = sha256(parsed.graph.json);
      const validated = performance.now();
      await client.query('INSERT INTO bench_text_content ("hash", "doc", "size") VALUES ($1, $2, $3)', [
        `${hash}${i}`,
        parsed.graph.json,
        parsed.graph.json.length,
      ]);
      record(now, started, validated);
      parent = parsed.graph;
    }
    return {
      before: { validate: percentiles(before.validate), store: percentiles(before.store), total: percentiles(before.total) },
      now: { validate: percentiles(now.validate), store: percentiles(now.store), total: percentiles(now.total) },
    };
  } finally {
    await client.query('DROP TABLE IF EXISTS bench_jsonb_content, bench_text_content').catch(() => undefined);
    await client.end();
  }
}

function record(into: { validate: number[]; store: number[]; total: number[] }, started: number, validated: number): void {
  const end = performance.now();
  into.validate.push(validated - started);
  into.store.push(end - validated);
  into.total.push(end - started);
}
