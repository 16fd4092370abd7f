import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'a good long password';

export function uniqueEmail(who: string): string {
  return `${who}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
}

/**
 * The first link to `linkPath` in a mail to `to` that a server without SMTP_URL wrote to its log
 * (test-results/server-<name>.log, see server.ts), waiting for it to appear.
 */
export async function linkInServerLog(name: string, to: string, linkPath: string, timeoutMs = 15_000): Promise<string> {
  const file = path.resolve(import.meta.dirname, '../../test-results', `server-${name}.log`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const log = readFileSync(file, 'utf8');
    const mail = log.slice(log.lastIndexOf(`mail to ${to}`));
    const link = log.includes(`mail to ${to}`)
      ? mail.match(new RegExp(`https?://\\S*${linkPath.replace(/\//g, '\\/')}\\S*`))?.[0]
      : undefined;
    if (link) return link;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} with a link to ${linkPath} in ${file}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Opens a gallery model as a project of the signed-in user's first team (through the API); returns the project's id. */
export async function openGalleryProject(page: Page, base: string, modelId = 'digits-cnn', variant = 'full'): Promise<string> {
  const teams = await (await page.request.get(`${base}/api/teams`)).json();
  const opened = await page.request.post(`${base}/api/teams/${teams.teams[0].id}/gallery/${modelId}`, {
    headers: { origin: base },
    data: { variant },
  });
  expect(opened.status()).toBe(201);
  return (await opened.json()).id as string;
}

export async function signUp(page: Page, base: string, name: string, email: string): Promise<void> {
  await page.goto(`${base}/sign-up`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/projects$/);
}

export async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/projects$/);
}

/** A small classifier (4 → 16 → 3), for tests that edit a document by hand. */
export const STARTER_GRAPH = {
  format: 'netcanvas.graph',
  version: 1,
  nodes: [
    { id: 'input', type: 'input', params: { shape: [4] }, position: { x: 0, y: 0 } },
    { id: 'hidden', type: 'dense', params: { units: 16, activation: 'relu' }, position: { x: 0, y: 140 } },
    { id: 'output', type: 'dense', params: { units: 3, activation: 'softmax' }, position: { x: 0, y: 280 } },
  ],
  edges: [
    { id: 'e1', source: 'input', target: 'hidden' },
    { id: 'e2', source: 'hidden', target: 'output' },
  ],
};

/** The editor's "Edit as JSON" view (opened if needed): the document as text. */
export async function jsonEditor(page: Page) {
  await page.locator('[data-hydrated="true"]').waitFor();
  const toggle = page.getByRole('button', { name: 'Edit as JSON' });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  return page.getByLabel('Graph document (JSON)');
}

/** Replaces the whole document through the JSON view. */
export async function fillGraph(page: Page, doc: unknown): Promise<void> {
  await (await jsonEditor(page)).fill(JSON.stringify(doc, null, 2));
}

/** Edits the graph JSON in the editor: `edit` gets the parsed document and changes it in place. */
export async function editGraph(page: Page, edit: (doc: { nodes: { id: string; params: Record<string, unknown> }[] }) => void) {
  const editor = await jsonEditor(page);
  const doc = JSON.parse(await editor.inputValue());
  edit(doc);
  await editor.fill(JSON.stringify(doc, null, 2));
}

/** Saves a version from the toolbar's Save button and its message dialog. */
export async function saveVersion(page: Page, message: string, expectedNumber: number): Promise<void> {
  await page.getByRole('toolbar', { name: 'Editor tools' }).getByRole('button', { name: 'Save version' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save a version' });
  await dialog.getByLabel('What changed?').fill(message);
  await dialog.getByRole('button', { name: 'Save version' }).click();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(`Saved version ${expectedNumber}.`);
  await expect(dialog).toBeHidden();
}

/** The side panel's history (its tab opened). */
export async function historyPanel(page: Page) {
  await page
    .getByRole('tablist', { name: 'Panels' })
    .getByRole('tab', { name: /^History/ })
    .click();
  return page.getByRole('region', { name: 'History' });
}
