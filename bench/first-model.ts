/**
 * First-model benchmark (`npm run bench:first-model`): starts the production server on a fresh
 * embedded database and, in Chromium, goes from the home page to a trained model twice:
 *
 *   - as a guest: "Try it now", then "Train in browser" on the demo's Train tab;
 *   - as a new account: sign up, create a project from the LeNet-5 template, open the Train tab,
 *     "Train in browser".
 *
 * Each path keeps the defaults the app offers (dataset, settings, backend) and counts an action per
 * click or filled field. It prints the seconds spent waiting for the app besides training (pages,
 * the backend measurement, saving), the training time, the actions and the accuracy reached.
 * Targets for the guest: ≤ 30 s of waiting besides training and ≤ 4 actions; exits 1 when missed.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { startApp } from '../tests/e2e/server';
import { chromiumOptions } from './support';

const TARGET_WAIT_S = 30;
const TARGET_ACTIONS = 4;
const TRAINING_TIMEOUT_MS = 600_000;

interface Outcome {
  name: string;
  actions: number;
  totalS: number;
  trainingS: number;
  accuracy: string;
}

async function main(): Promise<void> {
  const app = await startApp({ name: 'bench-first-model' });
  const browser = await chromium.launch(chromiumOptions());
  let failed = false;
  try {
    const guest = await measure(browser, 'guest ("Try it now")', async (page, act) => {
      await page.goto(app.url);
      await act(() => page.getByRole('button', { name: 'Try it now' }).click());
      await page.waitForURL(/\/train$/, { timeout: 120_000 });
    });
    const account = await measure(browser, 'new account', async (page, act) => {
      await page.goto(app.url);
      await act(() => page.getByRole('link', { name: 'Create an account' }).click());
      await act(() => page.getByLabel('Name').fill('Bench'));
      await act(() => page.getByLabel('Email').fill(`first.${Date.now()}@example.com`));
      await act(() => page.getByLabel('Password').fill('a good long password'));
      await act(() => page.getByRole('button', { name: 'Sign up' }).click());
      await page.waitForURL(/\/projects$/, { timeout: 120_000 });
      await act(() => page.getByLabel('Project name').fill('Digits'));
      await act(() => page.getByRole('radio', { name: 'LeNet-5', exact: true }).check());
      await act(() => page.getByRole('button', { name: 'Create project' }).click());
      await page.locator('.workspace[data-hydrated="true"]').waitFor({ timeout: 120_000 });
      await act(() => page.getByRole('link', { name: 'Train', exact: true }).click());
      await page.waitForURL(/\/train$/, { timeout: 120_000 });
    });
    console.log('\nfirst model from the home page (defaults kept; LeNet-5 on the built-in digits, trained in the browser)');
    console.log('  path                       actions   waiting besides training   training   total    accuracy');
    for (const o of [guest, account]) {
      const waiting = o.totalS - o.trainingS;
      const judged = o === guest;
      const ok = waiting <= TARGET_WAIT_S && o.actions <= TARGET_ACTIONS;
      if (judged) failed ||= !ok;
      const verdict = judged ? (ok ? 'OK' : `MISSED (targets ≤ ${TARGET_WAIT_S} s, ≤ ${TARGET_ACTIONS} actions)`) : '';
      console.log(
        `  ${o.name.padEnd(26)} ${String(o.actions).padStart(7)} ${`${waiting.toFixed(1)} s`.padStart(26)} ${`${o.trainingS.toFixed(1)} s`.padStart(10)} ${`${o.totalS.toFixed(1)} s`.padStart(7)}   ${o.accuracy.padEnd(8)} ${verdict}`,
      );
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  process.exit(failed ? 1 : 0);
}

type Act = (step: () => Promise<unknown>) => Promise<void>;

/**
 * Runs a path to the Train tab, then clicks "Train in browser" and waits for the finished run.
 * Training is timed from the first batch ("training" phase) to the end of it; the rest is waiting.
 */
async function measure(browser: Browser, name: string, reach: (page: Page, act: Act) => Promise<void>): Promise<Outcome> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // tsx keeps function names with a helper the page does not have; give it one.
  await page.addInitScript('window.__name = (f) => f');
  let actions = 0;
  const act: Act = async (step) => {
    actions++;
    await step();
  };
  const started = Date.now();
  await reach(page, act);
  await act(() => page.getByRole('button', { name: 'Train in browser' }).click({ timeout: 120_000 }));
  const run = page.locator('.browser-run');
  await page.locator('.browser-run[data-phase="training"]').waitFor({ timeout: TRAINING_TIMEOUT_MS });
  const trainingStarted = Date.now();
  await page.locator('.browser-run[data-phase="saving"], .browser-run[data-phase="done"]').waitFor({ timeout: TRAINING_TIMEOUT_MS });
  const trainingS = (Date.now() - trainingStarted) / 1000;
  await page.locator('.browser-run[data-phase="done"]').waitFor({ timeout: 120_000 });
  await page.getByTestId('confusion-matrix').waitFor({ timeout: 60_000 });
  const totalS = (Date.now() - started) / 1000;
  const text = ((await page.locator('.train-run').textContent()) ?? '').replace(/\s+/g, ' ');
  const accuracy = /accuracy[^%\d]*([\d.]+ ?%)/i.exec(text)?.[1] ?? '?';
  if ((await run.getAttribute('data-status')) !== 'completed') throw new Error(`${name}: the run did not complete`);
  await context.close();
  return { name, actions, totalS, trainingS, accuracy };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
