import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'a good long password';

export function uniqueEmail(who: string): string {
  return `${who}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
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

/** Edits the graph JSON in the editor: `edit` gets the parsed document and changes it in place. */
export async function editGraph(page: Page, edit: (doc: { nodes: { id: string; params: Record<string, unknown> }[] }) => void) {
  await page.locator('[data-hydrated="true"]').waitFor();
  const editor = page.getByLabel('Graph document (JSON)');
  const doc = JSON.parse(await editor.inputValue());
  edit(doc);
  await editor.fill(JSON.stringify(doc, null, 2));
}

export async function saveVersion(page: Page, message: string, expectedNumber: number): Promise<void> {
  await page.getByLabel('Version message').fill(message);
  await page.getByRole('button', { name: 'Save version' }).click();
  await expect(page.getByRole('status')).toHaveText(`Saved version ${expectedNumber}.`);
}
