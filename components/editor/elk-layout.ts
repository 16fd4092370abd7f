'use client';

import type { GraphDoc } from '@/engine/graph/schema';
import { type ElkLike, elkLayout } from '@/engine/import/layout';

/** Where the elk worker script is served from (copied out of node_modules by scripts/vendor.ts). */
export const ELK_WORKER_URL = '/vendor/elk-worker.min.js';

let instance: Promise<ElkLike> | null = null;

/** A layout that takes longer than this is given up (the worker may have failed to load). */
const LAYOUT_TIMEOUT_MS = 30_000;

/**
 * elk running in a Web Worker: `elk-api.js` on the page (small) talks to `elk-worker.min.js`, so a
 * layout of hundreds of layers never blocks the main thread. Created on first use and kept.
 */
export function workerElk(): Promise<ElkLike> {
  instance ??= import('elkjs/lib/elk-api.js').then((module) => {
    const ELK = (module as unknown as { default: new (options: { workerUrl: string }) => ElkLike }).default;
    const elk = new ELK({ workerUrl: ELK_WORKER_URL });
    return {
      layout: (graph) =>
        Promise.race([
          elk.layout(graph),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error('elk did not answer')), LAYOUT_TIMEOUT_MS)),
        ]),
    } satisfies ElkLike;
  });
  return instance;
}

/** The positions elk gives the layers of a document (in the worker). */
export async function elkPositions(doc: GraphDoc): Promise<Record<string, { x: number; y: number }>> {
  const laid = await elkLayout(doc, await workerElk());
  return Object.fromEntries(laid.nodes.map((n) => [n.id, n.position]));
}
