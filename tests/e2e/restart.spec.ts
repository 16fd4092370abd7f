import { expect, test } from '@playwright/test';
import { editGraph, fillGraph, historyPanel, jsonEditor, STARTER_GRAPH, saveVersion, signIn, signUp, uniqueEmail } from './helpers';
import { freshDataDir, startApp } from './server';

test('sign-up, a project and its versions survive a restart on the same data folder', async ({ browser }) => {
  const dataDir = freshDataDir();
  const email = uniqueEmail('dora');
  let app = await startApp({ dataDir, name: 'restart-1' });
  try {
    const page = await browser.newPage();
    await signUp(page, app.url, 'Dora', email);
    await page.getByLabel('Project name').fill('Persistent net');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('heading', { name: 'Persistent net' })).toBeVisible();
    await fillGraph(page, STARTER_GRAPH);
    await saveVersion(page, 'before restart 1', 1);
    await editGraph(page, (doc) => {
      (doc.nodes[1] as { params: Record<string, unknown> }).params.units = 48;
    });
    await saveVersion(page, 'before restart 2', 2);
    await page.close();
  } finally {
    await app.stop();
  }

  app = await startApp({ dataDir, port: app.port, name: 'restart-2' });
  try {
    const page = await browser.newPage();
    await signIn(page, app.url, email);
    await page.getByRole('link', { name: 'Persistent net' }).click();
    const history = await historyPanel(page);
    await expect(history.getByTestId('version-2')).toContainText('before restart 2');
    await expect(history.getByTestId('version-1')).toContainText('before restart 1');
    expect(JSON.parse(await (await jsonEditor(page)).inputValue()).nodes[1].params.units).toBe(48);
  } finally {
    await app.stop();
  }
});
