import type { Page } from '@playwright/test';
import { largeGraph } from '../../bench/graphs';
import { layerBox } from '../../engine/graph/layer-box';
import { editorReady } from './editor-helpers';
import { expect, test } from './fixtures';
import { signUp, uniqueEmail } from './helpers';
import type { AppServer } from './server';

let app: AppServer;
test.beforeAll(({ sharedApp }) => {
  app = sharedApp;
});

/** Saves a generated design of about `layers` layers as a new project of the signed-in user. */
async function seed(page: Page, layers: number): Promise<string> {
  const headers = { origin: app.url };
  const teams = (await (await page.request.get(`${app.url}/api/teams`)).json()) as { teams: { id: string }[] };
  const project = (await (
    await page.request.post(`${app.url}/api/teams/${teams.teams[0]?.id}/projects`, { headers, data: { name: `Large ${layers}` } })
  ).json()) as { id: string };
  const saved = await page.request.post(`${app.url}/api/projects/${project.id}/versions`, {
    headers,
    data: { parent: null, message: 'large', graph: largeGraph(layers) },
  });
  expect(saved.ok()).toBe(true);
  return `${app.url}/projects/${project.id}`;
}

test('a 500-layer design mounts only the layers on screen, each drawn at the size and with the ports known up front', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUp(page, app.url, 'Big', uniqueEmail('big'));
  const url = await seed(page, 500);

  // The most layer nodes ever in the page while it opens (React Flow mounted all 500 to measure them).
  await page.addInitScript(() => {
    const w = window as unknown as { __mostLayers: number };
    w.__mostLayers = 0;
    new MutationObserver(() => {
      w.__mostLayers = Math.max(w.__mostLayers, document.querySelectorAll('.react-flow__node-layer').length);
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await editorReady(page);
  await expect(page.locator('.react-flow__node-layer').first()).toBeVisible();
  await page.waitForTimeout(500);
  const most = await page.evaluate(() => (window as unknown as { __mostLayers: number }).__mostLayers);
  console.log(`most layer nodes in the page while opening: ${most}`);
  expect(most).toBeGreaterThan(0);
  // The fitted view of a tall design shows a part of it (React Flow zooms out to 5 % at most).
  expect(most).toBeLessThan(300);

  // Zoomed in, the drawn layers and their ports sit exactly where layerBox put them.
  const zoom = () =>
    page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport') as Element).transform).a);
  const box = await page.getByLabel('Network canvas').boundingBox();
  // Zoom in on the middle of the view, where the (centred) design is.
  await page.mouse.move((box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2);
  for (let i = 0; i < 40 && (await zoom()) < 0.98; i++) {
    await page.mouse.wheel(0, -200);
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(600);
  const drawn = await page.locator('.react-flow__node-layer').evaluateAll((els) => {
    const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport') as Element).transform).a;
    return els.slice(0, 10).map((el) => {
      const r = el.getBoundingClientRect();
      return {
        width: r.width / zoom,
        height: r.height / zoom,
        handles: [...el.querySelectorAll('.react-flow__handle')].map((h) => {
          const b = h.getBoundingClientRect();
          return { id: h.getAttribute('data-handleid') ?? '', x: (b.left - r.left) / zoom, y: (b.top - r.top) / zoom };
        }),
      };
    });
  });
  expect(drawn.length).toBeGreaterThan(0);
  for (const node of drawn) {
    const inputs = node.handles.filter((h) => h.id.startsWith('in:')).map((h) => h.id);
    const outputs = node.handles.filter((h) => h.id.startsWith('out:')).map((h) => h.id);
    const box = layerBox({ inputs, outputs });
    expect(node.width).toBeCloseTo(box.width, 0);
    expect(node.height).toBeCloseTo(box.height, 0);
    for (const h of node.handles) {
      const known = box.handles.find((b) => b.id === h.id);
      expect(Math.abs(h.x - (known?.x ?? Number.NaN))).toBeLessThan(0.6);
      expect(Math.abs(h.y - (known?.y ?? Number.NaN))).toBeLessThan(0.6);
    }
  }
});
