import { type Download, expect, type Locator, type Page } from '@playwright/test';

/** Creates a project from the projects page, empty or from a template, and waits for the editor. */
export async function createProject(page: Page, base: string, name: string, template?: string): Promise<string> {
  await page.goto(`${base}/projects`);
  await page.getByLabel('Project name').fill(name);
  if (template) await page.getByRole('radio', { name: template, exact: true }).check();
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await editorReady(page);
  return page.url();
}

/** Waits until the editor is hydrated and drawn. */
export async function editorReady(page: Page): Promise<void> {
  await page.locator('.workspace[data-hydrated="true"]').waitFor();
  await page.locator('.react-flow__viewport').waitFor();
}

export function canvas(page: Page): Locator {
  return page.getByLabel('Network canvas');
}

export function layer(page: Page, id: string): Locator {
  return page.getByTestId(`layer-${id}`);
}

export function edgeLabel(page: Page, id: string): Locator {
  return page.getByTestId(`edge-label-${id}`);
}

/** Drags a layer type from the palette onto the canvas at a point (relative to the canvas). */
export async function dropLayer(page: Page, label: string, at: { x: number; y: number }): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Layer palette' })
    .getByRole('button', { name: `Add ${label}`, exact: true })
    .dragTo(canvas(page), { targetPosition: at });
}

/** Drags a connection from one layer's output port to another's input port, as a user does. */
export async function connectPorts(
  page: Page,
  source: string,
  target: string,
  sourceHandle = 'out:0',
  targetHandle = 'in:0',
): Promise<void> {
  const from = page.locator(`.react-flow__handle[data-nodeid="${source}"][data-handleid="${sourceHandle}"]`);
  const to = page.locator(`.react-flow__handle[data-nodeid="${target}"][data-handleid="${targetHandle}"]`);
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error(`ports of ${source} or ${target} are not on screen`);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2 + 20, (a.y + b.y) / 2, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 6 });
  await page.mouse.up();
}

/** Selects a layer by clicking its title row. */
export async function selectLayer(page: Page, id: string): Promise<void> {
  await layer(page, id).locator('.layer-node__head').click();
  await expect(layer(page, id)).toHaveClass(/layer-node--selected/);
}

/** The inspector (side panel, Layer tab). */
export function inspector(page: Page): Locator {
  return page.getByRole('region', { name: 'Inspector' });
}

/** Sets inspector fields of the selected layer: text fields are filled, selects chosen by value. */
export async function setFields(page: Page, fields: Record<string, string>): Promise<void> {
  const form = inspector(page);
  for (const [label, value] of Object.entries(fields)) {
    const control = form.getByLabel(label, { exact: true });
    const tag = await control.evaluate((el) => el.tagName);
    if (tag === 'SELECT') await control.selectOption({ label: value }).catch(() => control.selectOption({ label: `${value} (default)` }));
    else await control.fill(value);
  }
}

/** Saves a version through Ctrl+S and the message dialog. */
export async function saveWithShortcut(page: Page, message: string, expected: number): Promise<void> {
  await canvas(page).click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+s');
  const dialog = page.getByRole('dialog', { name: 'Save a version' });
  await dialog.getByLabel('What changed?').fill(message);
  await dialog.getByLabel('What changed?').press('Enter');
  await expect(notifications(page)).toContainText(`Saved version ${expected}.`);
  await expect(dialog).toHaveCount(0);
}

export function notifications(page: Page): Locator {
  return page.getByRole('status', { name: 'Notifications' });
}

export function sideTab(page: Page, name: string): Locator {
  return page.getByRole('tablist', { name: 'Panels' }).getByRole('tab', { name: new RegExp(`^${name}`) });
}

/**
 * Exports from the editor's Export menu as a user does: picks the format, waits for the check of the
 * files to end, reads its line and downloads them. Returns the proof line and the downloads.
 */
export async function exportChecked(page: Page, item: RegExp, count: number): Promise<{ proof: string; downloads: Download[] }> {
  const downloads: Download[] = [];
  const collect = (d: Download) => downloads.push(d);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
  const dialog = page.getByRole('dialog', { name: /^Export: / });
  const line = dialog.getByTestId('export-proof');
  await expect(line).toBeVisible({ timeout: 120_000 });
  const proof = (await line.textContent()) ?? '';
  page.on('download', collect);
  await dialog.getByRole('button', { name: /^Download/ }).click();
  await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(count);
  page.off('download', collect);
  await expect(dialog).toBeHidden();
  return { proof, downloads };
}
