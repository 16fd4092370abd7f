import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiError } from '@/server/http/errors';
import type { CsvIngest } from './csv';
import type { CsvOptions, ImageOptions, TextOptions, UploadLimits } from './options';
import { Staging } from './staging';
import type { TextIngest } from './text-csv';
import type { FromIngestThread, ToIngestThread } from './thread-messages';
import type { ImageIngest } from './zip-images';

/** Chunks passed on before the ingest thread has taken them: enough to keep it busy, few enough to bound memory. */
const WINDOW = 4;
/** Heap of one ingest thread: ingest keeps a few images or rows at a time, so this is ample; beyond it the upload is refused. */
const HEAP_MB = 512;

/**
 * The ingest thread's entry, from the project root (the server runs there). A path, not an import:
 * the web server's bundle does not contain it, the thread loads it from source through tsx.
 */
function threadSource(): string {
  const entry = pathToFileURL(path.join(process.cwd(), 'server', 'datasets', 'ingest', 'ingest-thread.ts')).href;
  return `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
}

type Options = { csv: CsvOptions; zip: ImageOptions; text: CsvOptions & { text: TextOptions } };
type Result = { csv: CsvIngest; zip: ImageIngest; text: TextIngest };

/**
 * Ingests an upload (CSV parsing, or zip inflating and image decoding) on a worker thread, so the
 * thread that serves requests only forwards the body's chunks and other users never wait on a large
 * upload. The result, its errors (the same `ApiError`s, same messages) and the staging file are those
 * of `ingestCsv` / `ingestImageZip` / `ingestTextCsv` run in place; the caller owns the staging file it gets back.
 */
export async function ingestOffThread<F extends keyof Options>(
  format: F,
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: Options[F],
  limits: UploadLimits,
): Promise<Result[F]> {
  const worker = new Worker(threadSource(), {
    eval: true,
    workerData: { format, options, limits },
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
  });
  let unacknowledged = 0;
  let acknowledged: (() => void) | null = null;
  let settled = false;
  const outcome = new Promise<FromIngestThread & { type: 'done' }>((resolve, reject) => {
    worker.on('message', (message: FromIngestThread) => {
      if (message.type === 'ack') {
        unacknowledged--;
        acknowledged?.();
        acknowledged = null;
        return;
      }
      settled = true;
      acknowledged?.();
      if (message.type === 'done') resolve(message);
      else if (message.type === 'refused') reject(new ApiError(message.code, message.message, message.details));
      else reject(new ApiError('internal', 'The upload could not be read.', undefined, message.message));
    });
    worker.on('error', (error) => {
      settled = true;
      acknowledged?.();
      const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      reject(
        outOfMemory
          ? new ApiError('payload_too_large', `Reading this upload needs more than ${HEAP_MB} MB of memory; split it into smaller files.`)
          : new ApiError('internal', 'The upload could not be read.', undefined, error.stack ?? error.message),
      );
    });
    worker.on('exit', (code) => {
      if (settled) return;
      settled = true;
      acknowledged?.();
      reject(new ApiError('internal', 'The upload could not be read.', undefined, `ingest thread exited with ${code}`));
    });
  });
  outcome.catch(() => undefined);
  const post = (message: ToIngestThread) => {
    if (message.type === 'chunk') worker.postMessage(message, [message.bytes.buffer as ArrayBuffer]);
    else worker.postMessage(message);
  };
  try {
    try {
      for await (const chunk of body) {
        if (settled) break;
        // A copy the thread can own: request chunks may be views into a shared pool.
        post({ type: 'chunk', bytes: new Uint8Array(chunk) });
        unacknowledged++;
        while (unacknowledged >= WINDOW && !settled) await new Promise<void>((resolve) => (acknowledged = resolve));
      }
      if (!settled) post({ type: 'end' });
    } catch (error) {
      // The body broke off (too large, connection lost): the thread removes its staging file, then this error stands.
      post({ type: 'abort', reason: (error as Error).message });
      await outcome.catch(() => undefined);
      throw error;
    }
    const { result } = await outcome;
    const staging = Staging.adopt(result.staging);
    const { format: _format, ...rest } = result;
    return { ...rest, staging } as unknown as Result[F];
  } finally {
    await worker.terminate();
  }
}
