import type { Download } from '@playwright/test';
import {
  canvas,
  connectPorts,
  createProject,
  dropLayer,
  edgeLabel,
  editorReady,
  exportChecked,
  inspector,
  layer,
  notifications,
  saveWithShortcut,
  selectLayer,
  setFields,
  sideTab,
} from './editor-helpers';
import { expect, test } from './fixtures';
import { signUp, uniqueEmail } from './helpers';
import type { AppServer } from './server';

let app: AppServer;
test.beforeAll(({ sharedApp }) => {
  app = sharedApp;
});
test.use({ viewport: { width: 1440, height: 900 } });

const LENET: [label: string, id: string, fields: Record<string, string>][] = [
  ['Input', 'input_1', { Shape: '28, 28, 1' }],
  ['Conv2D', 'conv2d_1', { Filters: '6', 'Kernel size': '5', Padding: 'same', Activation: 'relu' }],
  ['MaxPooling2D', 'maxPooling2d_1', {}],
  ['Conv2D', 'conv2d_2', { Filters: '16', 'Kernel size': '5', Activation: 'relu' }],
  ['MaxPooling2D', 'maxPooling2d_2', {}],
  ['Flatten', 'flatten_1', {}],
  ['Dense', 'dense_1', { Units: '120', Activation: 'relu' }],
  ['Dense', 'dense_2', { Units: '84', Activation: 'relu' }],
  ['Dense', 'dense_3', { Units: '10', Activation: 'softmax' }],
];

test('build LeNet-5 from the palette, see the shapes, break and undo a connection, save, reload, diff two versions', async ({ page }) => {
  await signUp(page, app.url, 'Lena', uniqueEmail('lena'));
  await createProject(page, app.url, 'LeNet by hand');
  await expect(page.getByText('An empty canvas')).toBeVisible();

  // Drag every layer from the palette onto the canvas, in two columns, and set it up in the inspector.
  for (const [i, [label, id, fields]] of LENET.entries()) {
    await dropLayer(page, label, { x: i < 5 ? 160 : 480, y: 40 + (i % 5) * 125 });
    await expect(layer(page, id)).toBeVisible();
    await expect(inspector(page).getByRole('heading', { name: label })).toBeVisible();
    await setFields(page, fields);
  }
  // Wire them up port to port.
  for (let i = 1; i < LENET.length; i++) await connectPorts(page, LENET[i - 1]?.[1] as string, LENET[i]?.[1] as string);

  // Every connection carries its tensor shape; the model is LeNet-5's 61,706 parameters.
  await expect(edgeLabel(page, 'input_1->conv2d_1')).toHaveText('(None, 28, 28, 1)');
  await expect(edgeLabel(page, 'conv2d_1->maxPooling2d_1')).toHaveText('(None, 28, 28, 6)');
  await expect(edgeLabel(page, 'conv2d_2->maxPooling2d_2')).toHaveText('(None, 10, 10, 16)');
  await expect(edgeLabel(page, 'flatten_1->dense_1')).toHaveText('(None, 400)');
  await expect(edgeLabel(page, 'dense_2->dense_3')).toHaveText('(None, 84)');
  await expect(page.locator('.statusbar')).toContainText('61,706 params');
  await expect(page.locator('.statusbar')).toContainText('Valid');

  // A loop is refused while connecting.
  await connectPorts(page, 'dense_3', 'conv2d_2');
  await expect(page.locator('.react-flow__edge')).toHaveCount(8);

  // Break a connection: the layer it fed is at fault, with a badge and an entry in the problems.
  await page.getByTestId('rf__edge-flatten_1->dense_1').click({ force: true });
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__edge')).toHaveCount(7);
  await expect(layer(page, 'dense_1')).toHaveAttribute('data-status', 'error');
  await expect(layer(page, 'dense_1').getByRole('img', { name: /error/ })).toBeVisible();
  await expect(layer(page, 'conv2d_1')).toHaveAttribute('data-status', 'ok');
  await sideTab(page, 'Problems').click();
  const problem = page.getByRole('region', { name: 'Problems' }).getByRole('button', { name: /error in dense_1/ });
  await expect(problem).toBeVisible();
  await problem.click();
  await expect(layer(page, 'dense_1')).toHaveClass(/layer-node--selected/);

  // Undo brings the connection and the shapes back.
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(8);
  await expect(layer(page, 'dense_1')).toHaveAttribute('data-status', 'ok');
  await expect(edgeLabel(page, 'flatten_1->dense_1')).toHaveText('(None, 400)');
  if (process.env.UPDATE_SCREENSHOTS) {
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await selectLayer(page, 'conv2d_2');
    await sideTab(page, 'Layer').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: 'docs/screenshot.png' });
  }

  // Save with Ctrl+S; the unsaved marker goes away; a reload shows the saved network.
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await saveWithShortcut(page, 'LeNet-5 by hand', 1);
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);
  await page.reload();
  await editorReady(page);
  await expect(page.getByText('Version 1 is the newest.')).toBeVisible();
  await expect(edgeLabel(page, 'conv2d_1->maxPooling2d_1')).toHaveText('(None, 28, 28, 6)');
  await expect(page.locator('.react-flow__node-layer')).toHaveCount(9);

  // Version 2: a narrower hidden layer, saved from the toolbar.
  await selectLayer(page, 'dense_1');
  await setFields(page, { Units: '100' });
  await expect(edgeLabel(page, 'dense_1->dense_2')).toHaveText('(None, 100)');
  await page.getByRole('button', { name: 'Save version' }).click();
  await page.getByRole('dialog', { name: 'Save a version' }).getByLabel('What changed?').fill('narrower dense_1');
  await page.getByRole('dialog', { name: 'Save a version' }).getByRole('button', { name: 'Save version' }).click();
  await expect(notifications(page)).toContainText('Saved version 2.');

  // The two versions on the canvas: dense_1 changed (amber), with the parameter change listed.
  await sideTab(page, 'History').click();
  const history = page.getByRole('region', { name: 'History' });
  await history.getByTestId('version-2').getByRole('button', { name: 'Changes' }).click();
  const diff = page.getByRole('img', { name: 'Visual diff of version 1 and version 2' });
  await expect(diff).toBeVisible();
  await expect(diff.getByTestId('layer-dense_1')).toHaveClass(/layer-node--diff-changed/);
  await expect(diff.getByTestId('layer-conv2d_1')).toHaveClass(/layer-node--diff-same/);
  await expect(page.getByRole('region', { name: 'Changes from version 1 to 2' })).toContainText('Units: 120 → 100');
  await expect(page.getByTestId('diff-summary')).toHaveText('1 layer changed');
  await expect(diff.getByTestId('layer-dense_1').getByTestId('layer-changes')).toHaveText('Units: 120 → 100');
  // The minimap draws every layer of the diff, not an empty frame.
  const layersInDiff = await diff.locator('.react-flow__node-layer').count();
  expect(layersInDiff).toBeGreaterThan(5);
  const drawn = () =>
    diff.locator('.react-flow__minimap-node').evaluateAll((rects) => rects.filter((r) => Number(r.getAttribute('width')) > 0).length);
  await expect.poll(drawn).toBe(layersInDiff);
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'docs/editor-diff.png' });
  await page.getByRole('button', { name: 'Back to the editor' }).click();
  await expect(diff).toHaveCount(0);
  await expect(canvas(page)).toBeVisible();
});

const MOBILENET = 'tests/fixtures/models/with-weights/nsfwjs-mobilenetv2';

test('import a TF.js MobileNet with its weights by dropping the files; export Keras (with its weights file), TypeScript and TF.js files', async ({
  page,
}) => {
  await signUp(page, app.url, 'Ines', uniqueEmail('ines'));
  await createProject(page, app.url, 'MobileNet');
  // The drop zone's file input (the Import button) takes the model.json and its weight shard together.
  await page.getByLabel('Import model files').setInputFiles([`${MOBILENET}/model.json`, `${MOBILENET}/group1-shard1of1`]);
  const done = page.getByRole('status', { name: 'Import finished' });
  await expect(done).toContainText('Imported model.json', { timeout: 60_000 });
  await expect(done).toContainText('weight files match');
  await expect(page.locator('.statusbar')).toContainText('2,619,461 params');
  await done.getByRole('button', { name: 'OK' }).click();
  await expect(page.locator('.react-flow__node-layer').first()).toBeVisible();
  if (process.env.UPDATE_SCREENSHOTS) {
    // The whole network, folded into columns; zoom in on its first blocks and open a depthwise convolution.
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    const box = await canvas(page).boundingBox();
    if (box) {
      await page.mouse.move(box.x + box.width / 2, box.y + 12);
      for (let i = 0; i < 14; i++) {
        await page.mouse.wheel(0, -150);
        await page.waitForTimeout(40);
      }
    }
    await page.waitForTimeout(500);
    await page.locator('.react-flow__node-layer[data-id*="depthwise"]:not([data-id$="_BN"])').first().locator('.layer-node__head').click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'docs/editor-mobilenet.png' });
  }

  // Export: Keras Python, TF.js TypeScript, and TF.js files compiled in the browser.
  const exportAs = async (item: RegExp, count: number) => (await exportChecked(page, item, count)).downloads;
  const keras = await exportAs(/Keras Python/, 2);
  expect(keras.map((f) => f.suggestedFilename()).sort()).toEqual(['model.py', 'model.weights.h5']);
  const python = keras.find((f) => f.suggestedFilename() === 'model.py');
  const source = await python?.createReadStream().then(read);
  expect(source).toContain('keras.Model(');
  const [ts] = await exportAs(/TypeScript/, 1);
  expect(ts?.suggestedFilename()).toBe('model.ts');
  expect(await ts?.createReadStream().then(read)).toContain("import * as tf from '@tensorflow/tfjs'");
  const files = await exportAs(/TensorFlow.js model/, 2);
  expect(files.map((f) => f.suggestedFilename()).sort()).toEqual(['model.json', 'weights.bin']);
  const modelJson = JSON.parse(await (files.find((f) => f.suggestedFilename() === 'model.json') as Download).createReadStream().then(read));
  expect(modelJson.format).toBe('layers-model');
  expect(modelJson.weightsManifest[0].paths).toEqual(['weights.bin']);
});

test('export refuses a model with errors and points at them', async ({ page }) => {
  await signUp(page, app.url, 'Omar', uniqueEmail('omar'));
  await createProject(page, app.url, 'Broken');
  await dropLayer(page, 'Dense', { x: 200, y: 80 });
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: /Keras Python/ }).click();
  await expect(notifications(page)).toContainText('Export needs a model without errors');
  await expect(sideTab(page, 'Problems')).toHaveAttribute('aria-selected', 'true');
});

test('copy layers from one project and paste them into another; group, collapse and expand a block; shortcuts help', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  await signUp(page, app.url, 'Pia', uniqueEmail('pia'));
  await createProject(page, app.url, 'Source', 'LeNet-5');
  await selectLayer(page, 'conv2d_2');
  await layer(page, 'maxPooling2d_2')
    .locator('.layer-node__head')
    .click({ modifiers: ['Shift'] });
  await expect(page.getByRole('heading', { name: '2 layers selected' })).toBeVisible();

  // Group them into a block, collapse it to one box (C), expand it again.
  await page.keyboard.press('Control+g');
  await expect(page.getByTestId('frame-group_1')).toBeVisible();
  await page.keyboard.press('c');
  const block = page.getByTestId('block-group_1');
  await expect(block).toContainText('Block 1');
  await expect(block).toContainText('2 layers');
  await expect(layer(page, 'conv2d_2')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(7);
  await block.getByRole('button', { name: 'Expand block Block 1' }).click();
  await expect(layer(page, 'conv2d_2')).toBeVisible();

  // Copy to the system clipboard (Ctrl+C), paste in another project (Ctrl+V): layers and the connection between them.
  await page.keyboard.press('Escape');
  await selectLayer(page, 'conv2d_2');
  await layer(page, 'maxPooling2d_2')
    .locator('.layer-node__head')
    .click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+c');
  await expect(notifications(page)).toContainText('Copied 2 layers');
  await createProject(page, app.url, 'Target');
  await canvas(page).click({ position: { x: 300, y: 200 } });
  await page.keyboard.press('Control+v');
  await expect(notifications(page)).toContainText('Pasted 2 layers');
  await expect(page.locator('.react-flow__node-layer')).toHaveCount(2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(layer(page, 'conv2d_1')).toContainText('16 · 5×5 · relu');

  // Every shortcut is listed in the help overlay.
  await page.keyboard.press('Shift+?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Group into block');
  await expect(help).toContainText('Auto-layout');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
});

test('unsaved edits survive a reload as a local draft', async ({ page }) => {
  await signUp(page, app.url, 'Raj', uniqueEmail('raj'));
  await createProject(page, app.url, 'Drafty', 'MLP classifier');
  await expect(page.getByText('Version 1 is the newest.')).toBeVisible();
  await selectLayer(page, 'dense_1');
  await setFields(page, { Units: '77' });
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.reload();
  await editorReady(page);
  await expect(notifications(page)).toContainText('Your unsaved edits from');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await expect(layer(page, 'dense_1')).toContainText('77');
  // Undo takes the recovered edits back to the saved version.
  await canvas(page).click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);
});

async function read(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
