import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signUp, uniqueEmail } from './helpers';
import type { AppServer } from './server';

// A red 40×40 square moving 60 px a second across 320×180, with a scene cut at 3 s (see its SOURCES.md).
const VIDEO = path.resolve(import.meta.dirname, '../fixtures/video/moving-square.webm');
/** The square's box at `t` seconds, in fractions of the frame. */
const squareAt = (t: number) => ({ x: (20 + 60 * t) / 320, y: 70 / 180, width: 40 / 320, height: 40 / 180 });

let app: AppServer;
test.beforeAll(({ sharedApp }) => {
  app = sharedApp;
});

/** Drags a box over the frame shown, corner to corner, in fractions of the frame. */
async function drawBox(page: Page, box: { x: number; y: number; width: number; height: number }) {
  const image = page.getByTestId('box-canvas').locator('img');
  await image.scrollIntoViewIfNeeded();
  const rect = await image.boundingBox();
  if (!rect) throw new Error('the frame to label is not on screen');
  const at = (fx: number, fy: number) => [rect.x + fx * rect.width, rect.y + fy * rect.height] as const;
  await page.mouse.move(...at(box.x, box.y));
  await page.mouse.down();
  await page.mouse.move(...at(box.x + box.width / 2, box.y + box.height / 2), { steps: 4 });
  await page.mouse.move(...at(box.x + box.width, box.y + box.height), { steps: 4 });
  await page.mouse.up();
}

async function sample(page: Page, how: string, expected: RegExp): Promise<number> {
  await page.getByLabel('How').selectOption(how);
  await page.getByRole('button', { name: 'Sample frames' }).click();
  const facts = page.getByTestId('sampled-facts');
  await expect(facts).toContainText(expected, { timeout: 30_000 });
  return Number((await facts.textContent())?.match(/(\d+) frames sampled/)?.[1]);
}

test('sample a video, box the square on the first and last frames, see it interpolated between, save the frames as a dataset, propose tracks with a detector trained on them', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Signed out, the page sends one to sign in first.
  await page.goto(`${app.url}/datasets/video`);
  await expect(page).toHaveURL(/\/sign-in/);
  await signUp(page, app.url, 'Vera', uniqueEmail('vera'));

  await page.goto(`${app.url}/datasets`);
  await page.getByRole('link', { name: 'Label a video' }).click();
  await expect(page.getByRole('heading', { name: 'Label a video' })).toBeVisible();
  await page.locator('form[data-hydrated="true"]').waitFor();
  // What the browser cannot decode is refused, saying so.
  await page
    .getByLabel('Video (WebM or MP4)')
    .setInputFiles({ name: 'notes.webm', mimeType: 'video/webm', buffer: Buffer.from('not a video at all') });
  await expect(page.getByRole('form', { name: 'Sample a video' }).getByRole('alert')).toHaveText(
    'This browser cannot play "notes.webm" (it could not be decoded): choose a WebM or MP4 video.',
  );
  await expect(page.getByRole('button', { name: 'Sample frames' })).toBeDisabled();
  await page.getByLabel('Dataset name').fill('');
  await page.getByLabel('Video (WebM or MP4)').setInputFiles(VIDEO);
  // Headless Chromium decodes the VP8 file: its length and size are read.
  await expect(page.getByTestId('video-facts')).toHaveText('moving-square.webm: 4 s, 320×180 pixels.');
  await expect(page.getByLabel('Dataset name')).toHaveValue('moving-square');
  await page.getByLabel('How').selectOption('scenes');
  await page.screenshot({ path: test.info().outputPath('video-sampling-1280.png') });

  // At scene changes: the first frame and the cut at 3 s, far fewer than sampling twice a second.
  const scenes = await sample(page, 'scenes', /frames sampled/);
  expect(scenes).toBe(2);
  await page.getByRole('button', { name: 'Sample again' }).click();
  await page.getByLabel('How').selectOption('rate');
  await page.getByRole('spinbutton', { name: 'Frames per second' }).fill('2');
  await expect(page.getByText('This gives 8 frames.')).toBeVisible();
  const dense = await sample(page, 'rate', /8 frames sampled/);
  expect(scenes).toBeLessThan(dense);

  // The frames are the video's pictures: the square is red where it should be on the first one.
  const strip = page.getByRole('list', { name: 'Frames' });
  const pixel = await strip
    .locator('img')
    .first()
    .evaluate((img: HTMLImageElement) => {
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.drawImage(img, 0, 0);
      return [...context.getImageData(40, 90, 1, 1).data.slice(0, 3), img.naturalWidth, img.naturalHeight];
    });
  expect(pixel[0]).toBeGreaterThan(180);
  expect(pixel[2]).toBeLessThan(90);
  expect(pixel.slice(3)).toEqual([320, 180]);

  // A class, then the square's box on the first frame and, its track still selected, on the last.
  await page.getByLabel('New class').fill('square');
  await page.getByRole('button', { name: 'Add class' }).click();
  await expect(page.getByTestId('box-canvas')).toHaveAttribute('data-ready', 'true');
  await drawBox(page, squareAt(0));
  const tracks = page.getByRole('list', { name: 'Tracks' });
  await expect(tracks.getByRole('listitem')).toHaveCount(1);
  await strip.getByRole('button').last().click();
  await expect(page.getByTestId('frame-progress')).toContainText('Frame 8 of 8 · 3.50 s · 0 boxes');
  await drawBox(page, squareAt(3.5));
  await expect(tracks.getByRole('listitem')).toHaveCount(1);
  await expect(tracks).toContainText('Track 1: square · frames 1–8 · keyframe');
  await expect(tracks.getByRole('button')).toHaveAttribute('aria-pressed', 'true');

  // Frame 4 (1.5 s): the box is interpolated, where the square is then.
  await strip.getByRole('button', { name: /^Frame 4 at 1.50 s/ }).click();
  await expect(page.getByTestId('frame-progress')).toContainText('1 box (1 interpolated)');
  const track = tracks.getByRole('listitem').first();
  await expect(track).toHaveAttribute('data-kind', 'interpolated');
  // The track is still selected: it can be ended here.
  await expect(page.getByRole('button', { name: 'End the track here' })).toBeEnabled();
  const [x, y, width, height] = ((await track.getAttribute('data-rect')) ?? '').split(',').map(Number);
  const truth = squareAt(1.5);
  expect(Math.abs((x as number) - truth.x)).toBeLessThan(0.02);
  expect(Math.abs((y as number) - truth.y)).toBeLessThan(0.03);
  expect(Math.abs((width as number) - truth.width)).toBeLessThan(0.02);
  expect(Math.abs((height as number) - truth.height)).toBeLessThan(0.03);
  await expect(strip.getByRole('button', { name: /^Frame 4 / })).toHaveAttribute('data-key', 'false');
  await expect(strip.getByRole('button', { name: /^Frame 4 / })).toHaveAttribute('data-boxes', '1');
  await page.screenshot({ path: test.info().outputPath('video-labeller-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: test.info().outputPath('video-labeller-1024.png'), fullPage: true });
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => !el.closest('.filmstrip') && el.getBoundingClientRect().right > 1024)
      .map((el) => `${el.tagName}.${el.className}`),
  );
  expect(wide).toEqual([]);

  // Dragging the interpolated box (its track selected) makes frame 4 a keyframe of the track. The
  // filmstrip may have scrolled the page: the frame is brought back into view first.
  await page.getByTestId('box-canvas').scrollIntoViewIfNeeded();
  const image = await page.getByTestId('box-canvas').locator('img').boundingBox();
  // The selected box's editor is up (its inner shape takes the drag).
  await expect(page.getByTestId('box-canvas').locator('.a9s-inner')).toHaveCount(1);
  if (!image) throw new Error('the frame is not on screen');
  const centre = [image.x + (truth.x + truth.width / 2) * image.width, image.y + (truth.y + truth.height / 2) * image.height] as const;
  await page.mouse.move(...centre);
  await page.mouse.down();
  await page.mouse.move(centre[0] + 2, centre[1]);
  await page.mouse.move(centre[0] + 0.05 * image.width, centre[1], { steps: 8 });
  await page.mouse.up();
  // Moving on at once keeps the edit.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('frame-progress')).toContainText('Frame 5 of 8');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('frame-progress')).toContainText('Frame 4 of 8');
  await expect(track).toHaveAttribute('data-kind', 'key');
  await expect(strip.getByRole('button', { name: /^Frame 4 / })).toHaveAttribute('data-key', 'true');
  const moved = Number(((await track.getAttribute('data-rect')) ?? '').split(',')[0]);
  expect(Math.abs(moved - (truth.x + 0.05))).toBeLessThan(0.03);

  // A refused upload shows the server's reason and loses nothing.
  const saving = page.getByRole('region', { name: 'Save as a dataset' });
  await saving.getByLabel('Width').fill('2');
  await page.getByRole('button', { name: 'Save as a dataset' }).click();
  await expect(saving.getByRole('alert')).toContainText(/^The dataset was not saved: .*width.* Your boxes are still here\.$/i);
  await expect(tracks.getByRole('listitem')).toHaveCount(1);
  // 64×64: the small detector trained below halves its input three times.
  await saving.getByLabel('Width').fill('64');
  await saving.getByLabel('Height').fill('64');

  // Saved through the upload: eight frames with a box each, the dataset's page counts them.
  await expect(page.getByTestId('save-summary')).toContainText('8 of 8 frames have boxes. Every frame is stretched to 64×64 pixels');
  await expect(page.getByLabel('Frames without boxes (none)')).toHaveValue('unlabelled');
  await page.getByRole('button', { name: 'Save as a dataset' }).click();
  await expect(page).toHaveURL(/\/datasets\/[^/]+$/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'moving-square' })).toBeVisible();
  await expect(page.getByTestId('count-unlabelled')).toHaveText('0');
  const counts = await Promise.all(['train', 'validation', 'test'].map((s) => page.getByTestId(`count-${s}`).textContent()));
  expect(counts.reduce((n, t) => n + Number(t), 0)).toBe(8);
  await expect(page.getByRole('region', { name: 'Gallery' })).toContainText('1 box');
  await page.screenshot({ path: test.info().outputPath('video-dataset-1024.png'), fullPage: true });

  // The frames train a small detector (two epochs on the server)...
  const datasetId = new URL(page.url()).pathname.split('/')[2] as string;
  const teams = await (await page.request.get(`${app.url}/api/teams`)).json();
  const made = await page.request.post(`${app.url}/api/teams/${teams.teams[0].id}/projects`, {
    headers: { origin: app.url },
    data: { name: 'Square finder', template: 'detector-small' },
  });
  expect(made.status(), await made.text()).toBe(201);
  const project = await made.json();
  await page.goto(`${app.url}/projects/${project.id}/train`);
  await page.getByLabel('Dataset', { exact: true }).selectOption(`${datasetId}@1`);
  await page.locator('#setting-epochs').fill('2');
  await page.getByRole('button', { name: 'Train on server' }).click();
  await expect(page.locator('.run-live')).toHaveAttribute('data-status', 'completed', { timeout: 60_000 });

  // ...which proposes boxes on freshly sampled frames, linked from frame to frame into tracks.
  await page.goto(`${app.url}/datasets/video`);
  await page.locator('form[data-hydrated="true"]').waitFor();
  await page.getByLabel('Video (WebM or MP4)').setInputFiles(VIDEO);
  await expect(page.getByTestId('video-facts')).toBeVisible();
  await page.getByLabel('How').selectOption('every');
  await page.getByRole('spinbutton', { name: 'Seconds between frames' }).fill('1');
  await sample(page, 'every', /4 frames sampled/);
  await page.getByLabel('New class').fill('square');
  await page.getByRole('button', { name: 'Add class' }).click();
  await page.getByText('Propose boxes with a trained detector').click();
  await expect(page.getByLabel('Model')).toContainText('Square finder v1 on moving-square v1');
  await page.getByLabel('Lowest score').fill('0.05');
  await page.getByRole('button', { name: 'Propose boxes for frames without any' }).click();
  // A fresh detector's centre scores start at 0.1 (engine/tasks/detection-prior.ts): after two epochs some pass 0.05.
  await expect(page.getByRole('status').filter({ hasText: /Proposed/ })).toHaveText(/^Proposed \d+ track\(s\) on 4 frame\(s\)/, {
    timeout: 30_000,
  });
  await expect(tracks.getByRole('listitem').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('video-proposals-1024.png'), fullPage: true });
  expect(errors).toEqual([]);
  await context.close();
});
