import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../engine/graph/layer-box';
import type { GraphDoc } from '../../../engine/graph/schema';
import { COLUMN_GAP, foldTallLayout } from '../../../engine/import/fold-layout';
import { importTopology } from '../../../engine/import/import-model';
import { type ElkLike, elkLayout, layeredLayout } from '../../../engine/import/layout';
import { templateGraph } from '../../../engine/templates';
import { GraphBuilder } from '../../../engine/templates/builder';
import { MODELS } from '../../support/fixtures';

/** The editor's canvas between palette and side panel in a 1440×900 window, and its fit padding. */
const CANVAS = { width: 860, height: 770 };
const FIT_PADDING = 0.15;
/** Far out, a layer shows only its type, in 26 px letters (canvas.css `.editor-canvas--far`). */
const FAR_TYPE_PX = 26;

function fittedZoom(doc: GraphDoc): number {
  const xs = doc.nodes.map((n) => n.position.x);
  const ys = doc.nodes.map((n) => n.position.y);
  const width = Math.max(...xs) + NODE_WIDTH - Math.min(...xs);
  const height = Math.max(...ys) + NODE_HEIGHT - Math.min(...ys);
  const grow = 1 + 2 * FIT_PADDING;
  return Math.min(CANVAS.width / (width * grow), CANVAS.height / (height * grow));
}

function overlaps(doc: GraphDoc): string[] {
  const found: string[] = [];
  for (const a of doc.nodes)
    for (const b of doc.nodes)
      if (a.id < b.id && Math.abs(a.position.x - b.position.x) < NODE_WIDTH && Math.abs(a.position.y - b.position.y) < NODE_HEIGHT)
        found.push(`${a.id}/${b.id}`);
  return found;
}

function chain(length: number): GraphDoc {
  const g = new GraphBuilder();
  let x = g.add('input', { shape: [32] });
  for (let i = 1; i < length; i++) x = g.add('dense', { units: 32 }, [x]);
  return g.build(`${length}-layer chain`);
}

const mobilenet = () => {
  const imported = importTopology(readFileSync(join(MODELS, 'nsfwjs-mobilenetv2.json'), 'utf8'));
  if (!imported.doc) throw new Error('the MobileNetV2 fixture did not import');
  return imported.doc;
};

describe('folding long layouts into columns', () => {
  it('lays an imported MobileNetV2 out so the fitted view shows its layer types at a readable size', async () => {
    const doc = await elkLayout(mobilenet(), new ELK() as unknown as ElkLike);
    expect(doc.nodes.length).toBeGreaterThan(150);
    expect(overlaps(doc)).toEqual([]);
    const zoom = fittedZoom(doc);
    // As one column it fitted at zoom 0.027: letters under a pixel high.
    expect(zoom).toBeGreaterThan(0.2);
    expect(FAR_TYPE_PX * zoom).toBeGreaterThanOrEqual(5);
  });

  it('keeps the order of the layers: down each column, then on to the top of the next', () => {
    const doc = foldTallLayout(layeredLayout(chain(300)));
    const xs = [...new Set(doc.nodes.map((n) => n.position.x))].sort((a, b) => a - b);
    expect(xs.length).toBeGreaterThanOrEqual(4);
    expect(xs[1]! - xs[0]!).toBe(NODE_WIDTH + COLUMN_GAP);
    const rank = (n: GraphDoc['nodes'][number]) => xs.indexOf(n.position.x) * 1e6 + n.position.y;
    const order = doc.nodes.map(rank);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(Math.min(...doc.nodes.map((n) => n.position.y))).toBe(0);
    expect(overlaps(doc)).toEqual([]);
  });

  it('leaves a design that already fits the screen as it was', () => {
    const lenet = templateGraph('lenet5');
    if (!lenet) throw new Error('no LeNet template');
    const laid = layeredLayout(lenet);
    expect(foldTallLayout(laid)).toBe(laid);
    expect(new Set(laid.nodes.map((n) => n.position.x)).size).toBe(1);
  });

  it('cuts a column where a single layer stands, so one connection makes the jump', () => {
    // Ten residual blocks: rows alternate between one layer and two side by side.
    const g = new GraphBuilder();
    let x = g.add('input', { shape: [16] });
    for (let i = 0; i < 40; i++) {
      const a = g.add('dense', { units: 16 }, [x]);
      const b = g.add('dense', { units: 16 }, [a]);
      x = g.add('add', {}, [b, x]);
    }
    const doc = foldTallLayout(layeredLayout(g.build('residual')));
    const tops = new Map<number, number>();
    for (const n of doc.nodes) if (n.position.y === 0) tops.set(n.position.x, (tops.get(n.position.x) ?? 0) + 1);
    expect(tops.size).toBeGreaterThan(1);
    // Every column after the first starts with a lone layer.
    expect([...tops.values()].every((count) => count === 1)).toBe(true);
  });
});
