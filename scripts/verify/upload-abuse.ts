import { zipSync } from 'fflate';
import sharp from 'sharp';
import type { LiveApp } from './live-app';
import type { LiveRow } from './live-row';
import { authHeaders } from './savers';

/** The most the web server may hold resident during any one abusive upload. */
export const MEMORY_BOUND_MB = 1024;
/** The longest another user's request may wait while it runs. */
export const STALL_BOUND_MS = 1000;
const MB = 1024 * 1024;

/** The abusive uploads, each made here, as a format and its bytes. */
async function abusiveUploads(): Promise<{ name: string; format: 'csv' | 'zip'; expect: number; make: () => Promise<Uint8Array> }[]> {
  return [
    {
      name: 'CSV with a 50 MB header line',
      format: 'csv',
      expect: 400,
      make: async () => new TextEncoder().encode(`${'h'.repeat(50 * MB)}\n1\n`),
    },
    {
      name: 'CSV with a 50 MB cell',
      format: 'csv',
      expect: 400,
      make: async () => new TextEncoder().encode(`x,label\n1,${'c'.repeat(50 * MB)}\n2,b\n`),
    },
    {
      name: 'zip of 100,000 tiny PNGs',
      format: 'zip',
      expect: 201,
      make: async () => {
        const shades = await Promise.all(
          [0, 80, 160, 240].map(
            async (shade) =>
              new Uint8Array(
                await sharp(Buffer.alloc(64, shade), { raw: { width: 8, height: 8, channels: 1 } })
                  .png()
                  .toBuffer(),
              ),
          ),
        );
        const files: Record<string, [Uint8Array, { level: 0 }]> = {};
        for (let i = 0; i < 100_000; i++) files[`tiny/c${i % 4}/${i}.png`] = [shades[i % 4] as Uint8Array, { level: 0 }];
        return zipSync(files);
      },
    },
  ];
}

/** Reads another user's project every 100 ms until stopped; returns the longest answer in ms. */
function probe(
  url: string,
  token: string,
  projectId: string,
): { stop(): Promise<{ longestMs: number; requests: number; failed: number }> } {
  let running = true;
  let longestMs = 0;
  let requests = 0;
  let failed = 0;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(`${url}/api/projects/${projectId}`, { headers: authHeaders(token) }).catch(() => null);
      longestMs = Math.max(longestMs, performance.now() - started);
      requests++;
      if (!response?.ok) failed++;
      await response?.arrayBuffer().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { longestMs, requests, failed };
    },
  };
}

/**
 * Each abusive upload against the running server while another user reads a project: the server's
 * peak resident memory during it (VmHWM after a reset) and that user's longest wait.
 */
export async function uploadAbuse(
  app: LiveApp,
  uploader: { token: string; teamId: string },
  reader: { token: string; projectId: string },
): Promise<LiveRow[]> {
  const rows: LiveRow[] = [];
  // The same reads with nothing else going on: how long a wait this machine gives anyway.
  const quiet = probe(app.url, reader.token, reader.projectId);
  await new Promise((r) => setTimeout(r, 5000));
  const baseline = await quiet.stop();
  rows.push({
    check: 'upload abuse',
    case: 'no upload (the baseline of the waits below)',
    result: `server RSS ${app.memory().rssMb.toFixed(0)} MiB; another user's longest wait ${baseline.longestMs.toFixed(0)} ms over ${baseline.requests} reads`,
    ok: baseline.failed === 0,
    ms: 5000,
  });
  for (const upload of await abusiveUploads()) {
    const body = await upload.make();
    const before = app.memory();
    app.resetPeak();
    const prober = probe(app.url, reader.token, reader.projectId);
    const started = performance.now();
    const query = new URLSearchParams({
      name: upload.name,
      format: upload.format,
      options: upload.format === 'zip' ? '{"width":8,"height":8}' : '{}',
    });
    let status: number | string;
    try {
      const response = await fetch(`${app.url}/api/teams/${uploader.teamId}/datasets?${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${uploader.token}`, 'content-type': upload.format === 'csv' ? 'text/csv' : 'application/zip' },
        body: body as Uint8Array<ArrayBuffer>,
      });
      status = response.status;
      await response.arrayBuffer();
    } catch (error) {
      // A refusal may close the connection before the whole body is sent.
      status = `closed (${(error as Error).cause ?? (error as Error).message})`;
    }
    const ms = performance.now() - started;
    const stalls = await prober.stop();
    const { peakMb } = app.memory();
    const answered = status === upload.expect || (upload.expect === 400 && typeof status === 'string');
    const ok = answered && peakMb <= MEMORY_BOUND_MB && stalls.longestMs <= STALL_BOUND_MS && stalls.failed === 0;
    rows.push({
      check: 'upload abuse',
      case: `${upload.name} (${(body.byteLength / MB).toFixed(0)} MB)`,
      result:
        `${status}; server peak RSS ${peakMb.toFixed(0)} MiB (before ${before.rssMb.toFixed(0)}, bound ${MEMORY_BOUND_MB}); ` +
        `another user's longest wait ${stalls.longestMs.toFixed(0)} ms over ${stalls.requests} reads (bound ${STALL_BOUND_MS})` +
        (stalls.failed ? `, ${stalls.failed} failed` : ''),
      ok,
      ms,
    });
  }
  return rows;
}
