/**
 * Editor benchmark (`npm run bench:editor`): starts the production server on a fresh embedded
 * database, saves a generated 500-layer network as a project, opens it in Chromium and measures
 *
 *   - frame times (requestAnimationFrame deltas) while dragging a layer for ~2 s and while panning
 *     the canvas for ~2 s: p50, p95, max and dropped frames, with the whole diagram in view (fit)
 *     and zoomed in to 100 %;
 *   - the time from an edit in the inspector (a convolution's filters) to the new shape on the
 *     downstream connection's label;
 *   - first, headless: the heap kept by 200 undo steps on a 1,000-layer design, as inverse change
 *     lists and, for comparison, as document snapshots (`undo-memory.ts`).
 *
 * Frame times are measured twice, once per way Chromium can put a page on screen here:
 *
 *   - software compositing, which is how Chrome draws pages on a machine without a usable GPU
 *     (it composites in software and keeps GL, if anything, for WebGL). The target is judged here.
 *   - GL compositing on SwiftShader, the CPU-emulated GPU the tests force so that WebGL (and the
 *     webgl training backend) works. Printed for reference: presenting one frame of a 1440×900
 *     window costs this emulation 25–35 ms of CPU whatever the page draws (measured with a trace:
 *     the same with the diagram cached in a composited layer), so any frame that moves the whole
 *     canvas misses a 60 Hz vsync on it; a real GPU presents it in well under a millisecond.
 *
 * It also times opening 500- and 1,000-layer designs (navigation to the first frame with the layers
 * drawn), with layers sized up front and, for comparison, with React Flow measuring every layer
 * first as it did before (`localStorage['netcanvas.layerSizes'] = 'measure'`).
 *
 * Targets: p95 ≤ 20 ms, open ≤ 1 s. Prints the figures; exits 1 when a judged target is missed.
 */
import { chromium, type Page } from '@playwright/test';
import { type AppServer, startApp } from '../tests/e2e/server';
import { largeGraph } from './graphs';
import { chromiumOptions } from './support';
import { printUndoMemory } from './undo-memory';

const LAYERS = 500;
const OPEN_SIZES = [500, 1000];
const OPEN_RUNS = 3;
const TARGET_OPEN_MS = 1000;
const TARGET_P95_MS = 20;
const FRAME_MS = 1000 / 60;

interface Renderer {
  name: string;
  args: string[];
  judged: boolean;
}

const RENDERERS: Renderer[] = [
  { name: 'software compositing (Chrome without a GPU)', args: ['--disable-gpu-compositing'], judged: true },
  { name: "GL compositing on SwiftShader (the tests' WebGL setup; for reference)", args: [], judged: false },
];

interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  dropped: number;
}

async function main(): Promise<void> {
  printUndoMemory();
  const started = Date.now();
  const app = await startApp({ name: 'bench-editor' });
  console.log(`server ready in ${((Date.now() - started) / 1000).toFixed(0)} s (${app.url})`);
  let failed = false;
  try {
    for (const renderer of RENDERERS) {
      const browser = await chromium.launch(chromiumOptions(...renderer.args));
      try {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        // tsx keeps function names with a helper the page does not have; give it one.
        await page.addInitScript('window.__name = (f) => f');
        const projectUrl = await seedProject(page, app, LAYERS);
        const loadStart = Date.now();
        await page.goto(projectUrl);
        await page.locator('.workspace[data-hydrated="true"]').waitFor({ timeout: 60_000 });
        await page.locator('.react-flow__node-layer').first().waitFor({ timeout: 60_000 });
        await settle(page);
        const nodes = await page.locator('.react-flow__node-layer').count();
        const edges = await page.locator('.react-flow__edge').count();
        console.log(`\n${renderer.name}`);
        console.log(
          `  ${LAYERS}-layer graph opened in ${Date.now() - loadStart} ms; ${nodes} layers and ${edges} connections drawn in the fitted view`,
        );

        const rows: [string, FrameStats][] = [];
        rows.push(['drag a layer (fit view)', await measureDrag(page)]);
        rows.push(['pan the canvas (fit view)', await measurePan(page)]);
        await zoomTo(page, 1);
        rows.push(['drag a layer (100 %)', await measureDrag(page)]);
        rows.push(['pan the canvas (100 %)', await measurePan(page)]);

        console.log('  frame times (ms)                 frames    p50    p95    max  dropped');
        for (const [name, s] of rows) {
          const ok = s.p95 <= TARGET_P95_MS;
          if (renderer.judged) failed ||= !ok;
          const verdict = ok ? 'OK' : renderer.judged ? `MISSED (target p95 ≤ ${TARGET_P95_MS} ms)` : 'over 20 ms';
          console.log(
            `    ${name.padEnd(30)} ${String(s.frames).padStart(6)} ${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.max)} ${String(s.dropped).padStart(8)}   ${verdict}`,
          );
        }

        if (renderer.judged) {
          const edits = await measureEdit(page);
          console.log(`  edit → updated shape on the downstream connection (${edits.length} edits of a Conv2D's filters)`);
          console.log(`    median ${fmt(median(edits))} ms, max ${fmt(Math.max(...edits))} ms`);
          failed = (await printOpenTimes(page, app)) || failed;
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await app.stop();
  }
  process.exit(failed ? 1 : 0);
}

/**
 * Opens 500- and 1,000-layer designs a few times each, with layers sized up front and measured on
 * open, and prints the median times; `true` when an up-front open misses the target.
 */
async function printOpenTimes(page: Page, app: AppServer): Promise<boolean> {
  let missed = false;
  console.log(`  open a design (navigation → first frame with its layers drawn; median of ${OPEN_RUNS})`);
  console.log('    layers   sized up front   measured on open   layers mounted (up front / measured)');
  for (const layers of OPEN_SIZES) {
    const url = await seedProject(page, app, layers);
    const upFront = await openTimes(page, url, false);
    const measured = await openTimes(page, url, true);
    const ok = upFront.ms <= TARGET_OPEN_MS;
    missed ||= !ok;
    console.log(
      `    ${String(layers).padStart(6)} ${`${upFront.ms} ms`.padStart(16)} ${`${measured.ms} ms`.padStart(18)}   ${upFront.mounted} / ${measured.mounted}   ${ok ? 'OK' : `MISSED (target ≤ ${TARGET_OPEN_MS} ms)`}`,
    );
  }
  return missed;
}

async function openTimes(page: Page, url: string, measureEveryLayer: boolean): Promise<{ ms: number; mounted: number }> {
  await page.evaluate((measure) => {
    if (measure) localStorage.setItem('netcanvas.layerSizes', 'measure');
    else localStorage.removeItem('netcanvas.layerSizes');
  }, measureEveryLayer);
  const times: number[] = [];
  let mounted = 0;
  for (let i = 0; i < OPEN_RUNS; i++) {
    await page.goto(url);
    // React Flow keeps a layer hidden until it knows its size: wait for one that is drawn.
    await page.waitForFunction(
      () => [...document.querySelectorAll<HTMLElement>('.react-flow__node-layer')].some((el) => el.style.visibility !== 'hidden'),
      undefined,
      { timeout: 60_000, polling: 'raf' },
    );
    times.push(await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())))));
    mounted = await page.locator('.react-flow__node-layer').count();
  }
  await page.evaluate(() => localStorage.removeItem('netcanvas.layerSizes'));
  return { ms: Math.round(median(times)), mounted };
}

/** Signs up (once per page) and saves a generated graph as version 1 of a new project; returns its page URL. */
async function seedProject(page: Page, app: AppServer, layers: number): Promise<string> {
  const me = await page.request.get(`${app.url}/api/me`);
  if (!me.ok()) {
    await page.goto(`${app.url}/sign-up`);
    await page.getByLabel('Name').fill('Bench');
    await page.getByLabel('Email').fill(`bench.${Date.now()}@example.com`);
    await page.getByLabel('Password').fill('a good long password');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL(/\/projects$/);
  }
  const headers = { origin: app.url };
  const teams = (await (await page.request.get(`${app.url}/api/teams`)).json()) as { teams: { id: string }[] };
  const teamId = teams.teams[0]?.id;
  const project = (await (
    await page.request.post(`${app.url}/api/teams/${teamId}/projects`, { headers, data: { name: `Large ${layers}` } })
  ).json()) as {
    id: string;
  };
  const graph = largeGraph(layers);
  const saved = await page.request.post(`${app.url}/api/projects/${project.id}/versions`, {
    headers,
    data: { parent: null, message: `${graph.nodes.length} layers`, graph },
  });
  if (!saved.ok()) throw new Error(`saving the graph failed: ${saved.status()} ${await saved.text()}`);
  return `${app.url}/projects/${project.id}`;
}

/** Waits until the page has been idle (no long frames) for a moment. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(1500);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Starts recording frame deltas in the page; the returned function stops and summarises them. */
async function recordFrames(page: Page): Promise<() => Promise<FrameStats>> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });
  return async () => {
    const deltas = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __recording: boolean };
      w.__recording = false;
      return w.__frames;
    });
    const sorted = [...deltas].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    const dropped = deltas.reduce((n, d) => n + Math.max(0, Math.round(d / FRAME_MS) - 1), 0);
    return { frames: deltas.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0, dropped };
  };
}

/** The layer node closest to the middle of the canvas. */
async function middleLayer(page: Page): Promise<{ id: string; x: number; y: number }> {
  const box = await page.getByLabel('Network canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const found = await page.locator('.react-flow__node-layer').evaluateAll(
    (els, { x, y }) =>
      els
        .map((el) => {
          const r = el.getBoundingClientRect();
          return {
            id: el.getAttribute('data-id') ?? '',
            x: r.left + r.width / 2,
            y: r.top + Math.min(12, r.height / 4),
            d: Math.hypot(r.left + r.width / 2 - x, r.top + r.height / 2 - y),
          };
        })
        .sort((a, b) => a.d - b.d)[0],
    { x: cx, y: cy },
  );
  if (!found) throw new Error('no layer on screen');
  return found;
}

/** Moves the mouse along a path in ~2 s (one step per frame), holding the button down. */
async function gesture(page: Page, from: { x: number; y: number }, path: (t: number) => { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const steps = 120;
  for (let i = 1; i <= steps; i++) {
    const p = path(i / steps);
    await page.mouse.move(from.x + p.x, from.y + p.y);
    await page.waitForTimeout(FRAME_MS);
  }
  await page.mouse.up();
}

async function measureDrag(page: Page): Promise<FrameStats> {
  const node = await middleLayer(page);
  const stop = await recordFrames(page);
  // A loop: out and back, so the diagram ends where it started.
  await gesture(page, node, (t) => ({ x: Math.sin(t * Math.PI * 2) * 180, y: Math.sin(t * Math.PI) * 120 }));
  const stats = await stop();
  await settle(page);
  return stats;
}

async function measurePan(page: Page): Promise<FrameStats> {
  const box = await page.getByLabel('Network canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  // Empty canvas beside the (narrow, tall) diagram.
  const from = { x: box.x + 60, y: box.y + box.height / 2 };
  const stop = await recordFrames(page);
  await gesture(page, from, (t) => ({ x: Math.sin(t * Math.PI) * 200, y: -Math.sin(t * Math.PI * 2) * 300 }));
  const stats = await stop();
  await settle(page);
  return stats;
}

async function zoomTo(page: Page, zoom: number): Promise<void> {
  // Zoom in on the middle of the view with the wheel (Ctrl+wheel zooms in React Flow like a pinch).
  const box = await page.getByLabel('Network canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 40; i++) {
    const current = await page.evaluate(() => {
      const transform = getComputedStyle(document.querySelector('.react-flow__viewport') as Element).transform;
      return new DOMMatrix(transform).a;
    });
    if (current >= zoom * 0.98) break;
    await page.mouse.wheel(0, -200);
    await page.waitForTimeout(60);
  }
  await settle(page);
}

/**
 * Selects a Conv2D on screen and changes its filters in the inspector, timing in the page from the
 * input event to the moment the label of the connection it feeds shows the new channel count.
 */
async function measureEdit(page: Page): Promise<number[]> {
  const conv = await page.locator('.react-flow__node-layer').evaluateAll((els) => {
    const h = window.innerHeight;
    return els
      .map((el) => ({ id: el.getAttribute('data-id') ?? '', top: el.getBoundingClientRect().top }))
      .filter((n) => n.id.startsWith('conv2d_') && n.top > 150 && n.top < h - 300)
      .map((n) => n.id)[0];
  });
  if (!conv) throw new Error('no Conv2D on screen');
  await page.locator(`[data-testid="layer-${conv}"] .layer-node__head`).click();
  const field = page.getByRole('region', { name: 'Inspector' }).getByLabel('Filters', { exact: true });
  await field.waitFor();
  const times: number[] = [];
  for (const filters of [24, 40, 56, 72, 88, 104, 120, 136, 152, 168, 24]) {
    const ms = await page.evaluate(
      ({ id, value }) =>
        new Promise<number>((resolve, reject) => {
          const label = [...document.querySelectorAll<HTMLLabelElement>('section[aria-label="Inspector"] label')].find(
            (l) => l.textContent === 'Filters',
          );
          const input = label ? (document.getElementById(label.htmlFor) as HTMLInputElement | null) : null;
          const edge = [...document.querySelectorAll<HTMLElement>('[data-testid^="edge-label-"]')].find((l) =>
            l.dataset.testid?.startsWith(`edge-label-${id}->`),
          );
          if (!input || !edge) return reject(new Error(`no field or no label for ${id}`));
          const expected = `, ${value})`;
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (edge.textContent?.endsWith(expected)) {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          });
          observer.observe(edge, { childList: true, characterData: true, subtree: true });
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
          setter?.call(input, String(value));
          input.dispatchEvent(new Event('input', { bubbles: true }));
          setTimeout(() => reject(new Error('the label did not change within 5 s')), 5000);
        }),
      { id: conv, value: filters },
    );
    times.push(ms);
    await page.waitForTimeout(100);
  }
  return times.slice(1);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function fmt(n: number): string {
  return n.toFixed(1).padStart(6);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
