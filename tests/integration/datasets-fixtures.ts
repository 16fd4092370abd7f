import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { ORIGIN, type TestUser } from './helpers/api';

/** The 300 MNIST PNGs, 30 per digit, in class folders (tests/fixtures/datasets). */
export const MNIST_DIR = path.resolve(import.meta.dirname, '../fixtures/datasets/mnist-png-30-per-class');

/** Archive entries of the fixture's class folders: `digits/3/3_0007.png` → bytes. */
export function mnistEntries(perClass = 30, prefix = 'digits/'): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const digit of readdirSync(MNIST_DIR).sort()) {
    for (const file of readdirSync(path.join(MNIST_DIR, digit)).sort().slice(0, perClass)) {
      files[`${prefix}${digit}/${file}`] = new Uint8Array(readFileSync(path.join(MNIST_DIR, digit, file)));
    }
  }
  return files;
}

export function zip(files: Record<string, Uint8Array | string>, level: 0 | 6 | 9 = 6): Uint8Array {
  const entries = Object.fromEntries(
    Object.entries(files).map(([name, data]) => [
      name,
      [typeof data === 'string' ? new TextEncoder().encode(data) : data, { level }] as const,
    ]),
  );
  return zipSync(entries as Parameters<typeof zipSync>[0]);
}

/** Sends a file to the upload route as a stream of 64 KiB pieces, like a browser would. */
export async function upload(
  as: TestUser,
  teamId: string,
  body: Uint8Array | string,
  query: { name?: string; format: 'csv' | 'zip'; options?: unknown; source?: string; license?: string },
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies loosely and assert on them
): Promise<{ status: number; body: any }> {
  const { POST } = await import('@/app/api/teams/[teamId]/datasets/route');
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const params = new URLSearchParams({
    name: query.name ?? 'Uploaded',
    format: query.format,
    options: JSON.stringify(query.options ?? {}),
  });
  if (query.source) params.set('source', query.source);
  if (query.license) params.set('license', query.license);
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(at, at + 65536));
      at += 65536;
    },
  });
  const request = new Request(`${ORIGIN}/api/teams/${teamId}/datasets?${params}`, {
    method: 'POST',
    headers: { cookie: as.cookie, origin: ORIGIN, 'content-type': query.format === 'csv' ? 'text/csv' : 'application/zip' },
    body: stream,
    duplex: 'half',
  } as RequestInit);
  const response = await POST(request, { params: Promise.resolve({ teamId }) });
  return { status: response.status, body: await response.json() };
}

/** Fetches a batch through the route, decoded. */
export async function fetchBatch(
  as: TestUser,
  url: string,
): Promise<{ status: number; features: Float32Array; labels: Float32Array; size: number; shape: number[] }> {
  const { pathname, search } = new URL(url, ORIGIN);
  const route = pathname.includes('/builtin-datasets/')
    ? await import('@/app/api/builtin-datasets/[name]/batches/route')
    : await import('@/app/api/datasets/[datasetId]/versions/[number]/batches/route');
  const match = pathname.split('/');
  const params: Record<string, string> = pathname.includes('/builtin-datasets/')
    ? { name: match[3] as string }
    : { datasetId: match[3] as string, number: match[5] as string };
  const response = await route.GET(new Request(`${ORIGIN}${pathname}${search}`, { headers: { cookie: as.cookie } }), {
    params: Promise.resolve(params),
  });
  if (response.status !== 200)
    return { status: response.status, features: new Float32Array(), labels: new Float32Array(), size: 0, shape: [] };
  const buffer = await response.arrayBuffer();
  const size = Number(response.headers.get('x-sample-count'));
  const shape = JSON.parse(response.headers.get('x-feature-shape') as string) as number[];
  const width = shape.reduce((a, b) => a * b, 1);
  return {
    status: 200,
    features: new Float32Array(buffer, 0, size * width),
    labels: new Float32Array(buffer, size * width * 4),
    size,
    shape,
  };
}
