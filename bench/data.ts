/**
 * `npm run bench:data`: dataset upload and streaming figures on PostgreSQL.
 *
 *   1. Writes a ~200 MB image archive (64,000 noisy 32×32 RGB PNGs in 10 class folders, each class a
 *      bright square at its own place) to a temporary file.
 *   2. Starts the production server against a fresh PostgreSQL database and uploads the archive with
 *      a streamed request body, images resized to 28×28 grayscale: prints MB/s and the server's peak
 *      RSS (VmHWM of the Next.js process) against its RSS before the upload.
 *   3. In Chromium, streams one epoch of the resulting ~60,000-image training split through
 *      httpBatchSource into a small TF.js model, and prints the JS heap before, at its peak and
 *      after (CDP, after a forced garbage collection) — flat, where loading the set whole would add
 *      ~190 MB of Float32.
 *
 * Settings: BENCH_POSTGRES_URL (admin connection, default postgresql://postgres@127.0.0.1:5432/postgres),
 * BENCH_IMAGES (64000), BENCH_BATCH (128), CHROMIUM_PATH (/usr/bin/chromium).
 */
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { Zip, ZipPassThrough } from 'fflate';
import { seededRandom } from '../engine/data/random';
import { chromiumOptions, signUpWithToken, startBenchServer } from './support';

const root = path.resolve(import.meta.dirname, '..');
const IMAGES = Number(process.env.BENCH_IMAGES ?? 64_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 128);
const MB = 1_000_000;

// ── A tiny PNG encoder (8-bit RGB), fast enough to write 64,000 images in seconds ──────────────
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(Buffer.from(type, 'latin1'), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}
function png(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = new Uint8Array(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  const signature = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 1 })), chunk('IEND', new Uint8Array())]);
}

/** Writes the archive with fflate's streaming Zip: one image in memory at a time. */
async function writeArchive(file: string): Promise<{ bytes: number; images: number }> {
  const out = createWriteStream(file);
  const random = seededRandom(42);
  const zip = new Zip((error, data) => {
    if (error) throw error;
    out.write(data);
  });
  const size = 32;
  const rgb = new Uint8Array(size * size * 3);
  for (let i = 0; i < IMAGES; i++) {
    const cls = i % 10;
    for (let p = 0; p < rgb.length; p++) rgb[p] = (random() * 256) | 0;
    const ox = (cls % 5) * 6 + 1;
    const oy = Math.floor(cls / 5) * 16 + 4;
    for (let y = oy; y < oy + 8; y++) for (let x = ox; x < ox + 6; x++) rgb.fill(255, (y * size + x) * 3, (y * size + x) * 3 + 3);
    const entry = new ZipPassThrough(`bench/class-${cls}/${String(i).padStart(6, '0')}.png`);
    zip.add(entry);
    entry.push(png(size, size, rgb), true);
    if (out.writableLength > 8 * MB) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  zip.end();
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { bytes: statSync(file).size, images: IMAGES };
}

// ── Server and process helpers ─────────────────────────────────────────────────────────────────

/** The pids below `pid` (children, grandchildren…), from /proc. */
async function descendants(pid: number): Promise<number[]> {
  const parents = new Map<number, number[]>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const child of parents.get(p) ?? []) {
      out.push(child);
      walk(child);
    }
  };
  walk(pid);
  return out;
}

function memoryOf(pid: number): { rss: number; hwm: number; command: string } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    return { rss: kb('VmRSS'), hwm: kb('VmHWM'), command };
  } catch {
    return { rss: 0, hwm: 0, command: '' };
  }
}

/** The Next.js server process (the one that answers requests) under the start script. */
async function nextServerPid(startPid: number): Promise<number> {
  const pids = await descendants(startPid);
  const withMemory = pids.map((pid) => ({ pid, ...memoryOf(pid) }));
  const next = withMemory.filter((p) => /next-server|next\/dist|next start/.test(p.command)).sort((a, b) => b.rss - a.rss)[0];
  return (next ?? withMemory.sort((a, b) => b.rss - a.rss)[0])?.pid ?? startPid;
}

/** Streams a file as the request body (bounded memory on this side too). */
function postFile(url: string, file: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/zip', 'content-length': statSync(file).size },
    });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (d: string) => {
        body += d;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    createReadStream(file, { highWaterMark: MB }).pipe(request);
  });
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'netcanvas-bench-data-'));
  const archive = path.join(work, 'images.zip');
  let t = performance.now();
  const written = await writeArchive(archive);
  console.log(
    `archive: ${written.images.toLocaleString('en')} PNGs, ${(written.bytes / MB).toFixed(1)} MB, written in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const server = await startBenchServer(work);
  const { url } = server;
  const browser = await chromium.launch(chromiumOptions('--enable-precise-memory-info'));
  try {
    const { token, teamId } = await signUpWithToken(url);
    const auth = { authorization: `Bearer ${token}` };

    // ── Upload ──
    const nextPid = await nextServerPid(server.process.pid as number);
    await fetch(`${url}/api/builtin-datasets`, { headers: auth });
    const rssBefore = memoryOf(nextPid).rss;
    let sampledPeak = rssBefore;
    const sampler = setInterval(() => {
      sampledPeak = Math.max(sampledPeak, memoryOf(nextPid).rss);
    }, 100);
    const options = { width: 28, height: 28, channels: 1, split: { validation: 0.03, test: 0.03, seed: 1 } };
    const query = new URLSearchParams({ name: 'Bench images', format: 'zip', options: JSON.stringify(options) });
    t = performance.now();
    const uploaded = await postFile(`${url}/api/teams/${teamId}/datasets?${query}`, archive, token);
    const seconds = (performance.now() - t) / 1000;
    clearInterval(sampler);
    if (uploaded.status !== 201) throw new Error(`upload failed: ${uploaded.status} ${uploaded.body}`);
    const result = JSON.parse(uploaded.body) as { datasetId: string; number: number; report: { kept: number } };
    const hwm = memoryOf(nextPid).hwm;
    console.log(
      `upload: ${(written.bytes / MB).toFixed(1)} MB, ${result.report.kept.toLocaleString('en')} images stored in ${seconds.toFixed(1)} s → ${(written.bytes / MB / seconds).toFixed(1)} MB/s (${Math.round(result.report.kept / seconds)} images/s)`,
    );
    console.log(
      `server memory (Next.js process): RSS ${(rssBefore / MB).toFixed(0)} MB before, peak ${(Math.max(sampledPeak, hwm) / MB).toFixed(0)} MB during the upload (archive ${(written.bytes / MB).toFixed(0)} MB)`,
    );

    // ── Browser epoch ──
    const esbuild = await import('esbuild');
    const bundle = await esbuild.build({
      entryPoints: [path.join(root, 'bench/data-browser-entry.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      minify: true,
      alias: { '@': root },
      logLevel: 'error',
    });
    const page = await browser.newPage();
    await page.goto(`${url}/api/health`);
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
    const cdp = await page.context().newCDPSession(page);
    const heapNow = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    };
    const before = await heapNow();
    const at = { datasetId: result.datasetId, number: result.number };
    const epoch = (await page.evaluate(([a, tk, bs]) => window.streamEpoch(a as typeof at, tk as string, bs as number), [
      at,
      token,
      BATCH,
    ] as const)) as {
      backend: string;
      samples: number;
      seconds: number;
      samplesPerSecond: number;
      loss: number;
      heapBefore: number;
      heapPeak: number;
      heapAfter: number;
      tensorsBefore: number;
      tensorsAfter: number;
    };
    const after = await heapNow();
    console.log(
      `browser epoch: ${epoch.samples.toLocaleString('en')} training images in batches of ${BATCH} on ${epoch.backend}, ${epoch.seconds.toFixed(1)} s (${Math.round(epoch.samplesPerSecond)} samples/s), last loss ${epoch.loss.toFixed(3)}`,
    );
    console.log(
      `browser heap (CDP, after GC): ${(before / MB).toFixed(1)} MB before the epoch, ${(after / MB).toFixed(1)} MB after; performance.memory during the epoch: ${(epoch.heapBefore / MB).toFixed(1)} MB at start, peak ${(epoch.heapPeak / MB).toFixed(1)} MB (the split as Float32 would be ${((epoch.samples * 784 * 4) / MB).toFixed(0)} MB); tensors ${epoch.tensorsBefore} → ${epoch.tensorsAfter}`,
    );
  } finally {
    await browser.close();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
