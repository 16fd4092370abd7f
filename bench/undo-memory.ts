/**
 * Undo memory on a large design (part of `npm run bench:editor`; also runs alone with
 * `tsx bench/undo-memory.ts`): the heap kept by 200 undo steps of ordinary edits — moving a layer,
 * changing a layer's setting — on a 1,000-layer graph, as the history keeps them (inverse change
 * lists) and as a history of document snapshots would (each step keeps the document before it; they
 * share every untouched node, but each holds its own nodes list).
 */

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { COMMANDS } from '../components/editor/store/commands';
import { type EditorState, EMPTY_SELECTION } from '../components/editor/store/editor-state';
import { EMPTY_HISTORY, type History, record } from '../components/editor/store/history';
import { applyWithInverse } from '../engine/graph/apply-changes';
import type { Change } from '../engine/graph/changes';
import type { GraphDoc } from '../engine/graph/schema';
import { largeGraph } from './graphs';

const LAYERS = 1000;
const STEPS = 200;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** The changes of step `i`: a move of one layer, or a new value for one of its settings. */
function step(doc: GraphDoc, i: number): readonly Change[] {
  const node = doc.nodes[(i * 7) % doc.nodes.length] as GraphDoc['nodes'][number];
  const state = { doc, selection: EMPTY_SELECTION } as unknown as EditorState;
  const outcome =
    i % 2 === 0
      ? COMMANDS.moveNodes.perform(state, { positions: { [node.id]: { x: node.position.x + 10, y: node.position.y } } })
      : COMMANDS.updateParams.perform(state, { nodeId: node.id, patch: { note: i } });
  return 'changes' in outcome ? (outcome.changes ?? []) : [];
}

/** Heap kept by the history of `STEPS` edits, in bytes, with the way it records each step. */
function measure(keep: (before: GraphDoc, inverse: readonly Change[]) => void, drop: () => void): number {
  let doc = largeGraph(LAYERS);
  const start = heapAfterGc();
  for (let i = 0; i < STEPS; i++) {
    const { doc: next, inverse } = applyWithInverse(doc, step(doc, i));
    keep(doc, inverse);
    doc = next;
  }
  const kept = heapAfterGc() - start;
  drop();
  return Math.max(kept, 0);
}

/** Heap kept by each way of recording, the median of three measurements after a warm-up run (which compiles the code involved). */
function measureBoth(): { asSnapshots: number; asChanges: number } {
  let snapshots: GraphDoc[] = [];
  let history: History = EMPTY_HISTORY;
  const bySnapshots = () =>
    measure(
      (before) => snapshots.push(before),
      () => {
        snapshots = [];
      },
    );
  const byChanges = () =>
    measure(
      (_before, inverse) => {
        history = record(history, inverse, EMPTY_SELECTION, 'edit', undefined);
      },
      () => {
        history = EMPTY_HISTORY;
      },
    );
  bySnapshots();
  byChanges();
  const median = (run: () => number) => [run(), run(), run()].sort((a, b) => a - b)[1] as number;
  return { asSnapshots: median(bySnapshots), asChanges: median(byChanges) };
}

export function printUndoMemory(): void {
  const { asSnapshots, asChanges } = measureBoth();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(`undo memory: ${STEPS} steps (moves and setting changes) on a ${LAYERS}-layer design`);
  console.log(`  inverse change lists (what the history keeps)   ${kb(asChanges).padStart(8)}`);
  console.log(`  document snapshots (for comparison)             ${kb(asSnapshots).padStart(8)}`);
  console.log(`  snapshots / change lists                        ${(asSnapshots / Math.max(asChanges, 1)).toFixed(1).padStart(7)}×`);
}

if (import.meta.url === `file://${process.argv[1]}`) printUndoMemory();
