import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import pg from 'pg';
import { templateGraph } from '../../engine/templates';
import { canvas, createProject, editorReady, inspector, selectLayer, setFields } from './editor-helpers';
import { expect, test } from './fixtures';
import { fillGraph, PASSWORD, STARTER_GRAPH, saveVersion, signUp, uniqueEmail } from './helpers';
import { type AppServer, startApp } from './server';

const nodes = (page: Page) => page.locator('.react-flow__node');
/** The layer count under the canvas: the whole design, where the canvas draws only what is in view. */
const layerCount = (page: Page, n: number) => expect(page.locator('.statusbar')).toContainText(`${n} layers`);
const units = (page: Page) => inspector(page).getByLabel('Units', { exact: true });

/** Signs the same account in on another context (and maybe another instance). */
async function signInAt(page: Page, base: string, email: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/projects$/);
}

/** Makes a share link of the open project in its dialog, and closes the dialog. */
async function makeShareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share link' }).click();
  await page.getByRole('button', { name: 'Make a link' }).click();
  const link = (await page.getByTestId('share-url').textContent()) ?? '';
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  return link;
}

async function live(page: Page) {
  await expect(page.locator('[data-status="live"]')).toBeVisible();
}

/**
 * Two co-editors on one project (on `baseA` and `baseB`, one instance or two): conflicting edits at
 * the same moment end in the same graph on both, and undo in one reverts only its own edit.
 */
async function coEdit(browser: Browser, baseA: string, baseB: string) {
  const a = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  const b = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  const email = uniqueEmail('ada');
  await signUp(a, baseA, 'Ada', email);
  const url = new URL(await createProject(a, baseA, 'Together'));
  await live(a);
  await fillGraph(a, STARTER_GRAPH);
  await a.getByRole('button', { name: 'Edit as JSON' }).click();
  await saveVersion(a, 'start', 1);
  await signInAt(b, baseB, email);
  await b.goto(`${baseB}${url.pathname}`);
  await editorReady(b);
  await live(b);
  await expect(nodes(b)).toHaveCount(3);

  // The same field of the same layer, changed in both at once.
  await Promise.all([selectLayer(a, 'hidden'), selectLayer(b, 'hidden')]);
  await Promise.all([setFields(a, { Units: '32' }), setFields(b, { Units: '64' })]);
  await Promise.all([a.keyboard.press('Tab'), b.keyboard.press('Tab')]);
  await expect.poll(async () => (await units(a).inputValue()) === (await units(b).inputValue())).toBe(true);
  expect(['32', '64']).toContain(await units(a).inputValue());

  // A adds a layer, B then changes a setting; A's undo removes A's layer and keeps B's setting.
  await a.getByRole('navigation', { name: 'Layer palette' }).getByRole('button', { name: 'Add Dropout', exact: true }).click();
  await layerCount(b, 4);
  await selectLayer(b, 'hidden');
  await setFields(b, { Units: '99' });
  await b.keyboard.press('Tab');
  await selectLayer(a, 'hidden');
  await expect(units(a)).toHaveValue('99');
  await canvas(a).click({ position: { x: 5, y: 5 } });
  await a.keyboard.press('Control+z');
  await layerCount(a, 3);
  await layerCount(b, 3);
  await selectLayer(a, 'hidden');
  await expect(units(a)).toHaveValue('99');
  await expect(units(b)).toHaveValue('99');
  await a.context().close();
  await b.context().close();
}

test.describe('live rooms on one instance', () => {
  let app: AppServer;
  test.beforeAll(({ sharedApp }) => {
    app = sharedApp;
  });

  test('a presenter adds a layer and a follower on a share link sees it within a second', async ({ browser }) => {
    const presenter = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await signUp(presenter, app.url, 'Grace', uniqueEmail('grace'));
    await createProject(presenter, app.url, 'Lecture');
    await live(presenter);
    await fillGraph(presenter, STARTER_GRAPH);
    await presenter.getByRole('button', { name: 'Edit as JSON' }).click();
    await expect(nodes(presenter)).toHaveCount(3);

    const link = await makeShareLink(presenter);
    await presenter.getByRole('button', { name: 'Present' }).click();

    const follower = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await follower.goto(link);
    await live(follower);
    await expect(nodes(follower)).toHaveCount(3);
    await expect(follower.getByText('Grace is presenting')).toBeVisible();

    // Timed in the pages themselves: the click in one, the new layer's appearance in the other.
    await follower.evaluate(() => {
      const w = window as unknown as { seenAt?: number };
      new MutationObserver(() => {
        if (!w.seenAt && document.querySelectorAll('.react-flow__node').length === 4) w.seenAt = Date.now();
      }).observe(document.body, { subtree: true, childList: true });
    });
    const started = await presenter.evaluate(() => Date.now());
    await presenter.getByRole('navigation', { name: 'Layer palette' }).getByRole('button', { name: 'Add Dense', exact: true }).click();
    await expect(nodes(follower)).toHaveCount(4);
    const seen = await follower.evaluate(() => (window as unknown as { seenAt: number }).seenAt);
    console.log(`[live] presenter's new layer on the follower's screen after ${seen - started} ms`);
    expect(seen - started).toBeLessThan(1000);

    // The presenter's selection and view reach the follower; the follower may look around.
    await selectLayer(presenter, 'hidden');
    await expect(follower.locator('.live-selection[data-peer="Grace"]')).toHaveCount(1);
    await presenter.mouse.move(640, 400);
    await presenter.mouse.wheel(0, -400);
    const view = (p: Page) => p.locator('.react-flow__viewport').getAttribute('style');
    await expect.poll(async () => (await view(follower)) === (await view(presenter))).toBe(true);
    await follower.getByRole('button', { name: 'Look around on my own' }).click();
    await expect(follower.getByRole('button', { name: 'Follow the presenter' })).toBeVisible();
    await presenter.screenshot({ path: 'test-results/live-presenter-1280.png' });
    await follower.screenshot({ path: 'test-results/live-follower-1280.png' });
    await presenter.setViewportSize({ width: 1024, height: 768 });
    await presenter.screenshot({ path: 'test-results/live-presenter-1024.png' });

    // Revoking the link disconnects the follower.
    await presenter.getByRole('button', { name: 'Share link' }).click();
    await presenter.getByRole('button', { name: 'Revoke' }).click();
    await expect(follower.getByText('The share link was revoked.')).toBeVisible();
    await presenter.context().close();
    await follower.context().close();
  });

  test('a presenter trains in the browser and on a server, and a follower on a share link watches the curves as they come', async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const presenter = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await signUp(presenter, app.url, 'Ada', uniqueEmail('ada-trains'));
    const headers = { origin: app.url };
    const teams = await (await presenter.request.get(`${app.url}/api/teams`)).json();
    const made = await (
      await presenter.request.post(`${app.url}/api/teams/${teams.teams[0].id}/projects`, { headers, data: { name: 'Spiral lesson' } })
    ).json();
    const saved = await presenter.request.post(`${app.url}/api/projects/${made.id}/versions`, {
      headers,
      data: { parent: null, graph: templateGraph('mlp') },
    });
    expect(saved.status()).toBe(201);
    await presenter.goto(`${app.url}/projects/${made.id}`);
    await editorReady(presenter);
    await live(presenter);
    const link = await makeShareLink(presenter);
    await presenter.getByRole('button', { name: 'Present' }).click();

    const follower = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await follower.goto(link);
    await live(follower);
    await expect(follower.getByText('Ada is presenting')).toBeVisible();

    // The Train tab keeps the presenter in the room, still presenting.
    await presenter.getByRole('link', { name: 'Train', exact: true }).click();
    await expect(presenter.getByRole('button', { name: 'Stop presenting' })).toBeVisible();
    await live(presenter);
    await expect(presenter.getByLabel('Dataset', { exact: true })).toHaveValue('builtin:spiral');
    await presenter.locator('#setting-epochs').fill('4');
    await presenter.locator('#setting-batchSize').fill('16');

    // When each page first shows two epochs on its curve, by the pages' own clocks (one browser).
    const watch = (page: Page) =>
      page.evaluate(() => {
        const w = window as unknown as { twoEpochsAt?: number };
        const check = () => {
          const chart = document.querySelector('[data-testid="chart-epochs"]');
          if (!w.twoEpochsAt && chart && Number(chart.getAttribute('data-points')) >= 2) w.twoEpochsAt = Date.now();
        };
        new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
    await Promise.all([watch(presenter), watch(follower)]);
    await presenter.getByRole('button', { name: 'Train in browser' }).click();
    const card = follower.getByTestId('presenter-training');
    await expect(card).toHaveAccessibleName("Ada's training");
    await expect(card).toContainText('is training', { timeout: 90_000 });
    await expect(follower.getByTestId('presenter-training-epoch')).toContainText('of 4');
    await expect(presenter.locator('.browser-run')).toHaveAttribute('data-phase', 'done', { timeout: 120_000 });
    await expect(card).toContainText('trained MLP classifier v1 on Spiral');
    await expect(follower.getByTestId('chart-epochs')).toHaveAttribute('data-points', '4');
    const at = (page: Page) => page.evaluate(() => (window as unknown as { twoEpochsAt: number }).twoEpochsAt);
    const lag = (await at(follower)) - (await at(presenter));
    console.log(`[live] presenter's second epoch on the follower's curve after ${lag} ms`);
    expect(lag).toBeLessThan(1000);
    await follower.screenshot({ path: 'test-results/live-follower-training-1280.png' });
    await follower.setViewportSize({ width: 1024, height: 768 });
    await follower.screenshot({ path: 'test-results/live-follower-training-1024.png' });

    // A run on a server worker reaches the room the same way.
    await presenter.locator('#setting-epochs').fill('3');
    await presenter.getByRole('button', { name: 'Train on server' }).click();
    await expect(card).toContainText(/queued on a server worker|is training/, { timeout: 60_000 });
    await expect(presenter.locator('.run-live')).toHaveAttribute('data-status', 'completed', { timeout: 120_000 });
    await expect(card).toContainText('trained MLP classifier v1 on Spiral');
    await expect(follower.getByTestId('presenter-training-epoch')).toContainText('epoch 3 of 3');
    await expect(follower.getByTestId('chart-epochs')).toHaveAttribute('data-points', '3');
    await presenter.context().close();
    await follower.context().close();
  });

  test('two co-editors converge on conflicting edits; undo is one’s own', async ({ browser }) => {
    await coEdit(browser, app.url, app.url);
  });
});

test.describe('live rooms on two instances sharing one PostgreSQL', () => {
  const admin = 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `netcanvas_live_${randomBytes(4).toString('hex')}`;
  let one: AppServer;
  let two: AppServer;
  test.beforeAll(async () => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const env = {
      DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${name}`,
      BETTER_AUTH_SECRET: randomBytes(24).toString('hex'),
      WORKERS: '0',
    };
    // Both at once: the second one's migrations wait for the first one's (an advisory lock). The
    // first runs two web server processes (scripts/serve.ts): rooms and sessions then also cross
    // processes within one instance.
    [one, two] = await Promise.all([
      startApp({ name: 'live-one', env: { ...env, WEB_PROCESSES: '2' } }),
      startApp({ name: 'live-two', env: { ...env, WEB_PROCESSES: '1' } }),
    ]);
  });
  test.afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  });

  test('co-editors on different instances converge; undo is one’s own', async ({ browser }) => {
    await coEdit(browser, one.url, two.url);
  });

  test('an instance of two web server processes starts both and answers on fresh connections', async () => {
    const log = readFileSync(path.join('test-results', 'server-live-one.log'), 'utf8');
    // The log is appended to across runs: the last two starts are this instance's.
    const pids = [...log.matchAll(/web server ready on port \d+ \(process (\d+)\)/g)].map((m) => Number(m[1])).slice(-2);
    expect(new Set(pids).size).toBe(2);
    for (const pid of pids) expect(() => process.kill(pid, 0)).not.toThrow();
    // A new connection each time (no keep-alive agent), so the cluster hands them to both processes.
    const statuses = await Promise.all(
      Array.from(
        { length: 20 },
        () =>
          new Promise<number>((resolve, reject) => {
            get(`${one.url}/api/health`, { agent: false }, (response) => {
              response.resume();
              resolve(response.statusCode ?? 0);
            }).on('error', reject);
          }),
      ),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
  });
});
