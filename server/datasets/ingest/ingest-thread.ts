/**
 * The body of an upload's ingest thread (started by off-thread.ts): parses the CSV (of values or of texts) or decodes the
 * zip's images from the chunks the request-serving thread passes on, into a staging file, and hands
 * the staging file back. Nothing here touches the database, so nothing is half-saved if it fails.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '@/server/http/errors';
import type { CsvOptions, ImageOptions, TextOptions, UploadLimits } from './options';
import type { FromIngestThread, ToIngestThread } from './thread-messages';

interface Job {
  format: 'csv' | 'zip' | 'text';
  options: CsvOptions | ImageOptions;
  limits: UploadLimits;
}

if (!parentPort) throw new Error('ingest-thread.ts runs as a worker thread only');
const port = parentPort;
const job = workerData as Job;
const send = (message: FromIngestThread) => port.postMessage(message);

/**
 * The request body as the other thread forwards it. Each chunk taken is acknowledged, which lets
 * the sender pass on the next: at most a few chunks wait here, so memory stays bounded.
 */
function forwardedBody(): AsyncIterable<Uint8Array> {
  const queue: ToIngestThread[] = [];
  let wake: (() => void) | null = null;
  port.on('message', (message: ToIngestThread) => {
    queue.push(message);
    wake?.();
    wake = null;
  });
  return {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const message = queue.shift() as ToIngestThread;
        if (message.type === 'end') return;
        if (message.type === 'abort') throw new Error(message.reason);
        send({ type: 'ack' });
        yield message.bytes;
      }
    },
  };
}

async function run(): Promise<void> {
  try {
    const body = forwardedBody();
    // Only the reader this upload needs is loaded (sharp for images), to start quickly.
    if (job.format === 'csv') {
      const { ingestCsv } = await import('./csv');
      const { staging, ...rest } = await ingestCsv(body, job.options as CsvOptions, job.limits);
      send({ type: 'done', result: { ...rest, format: 'csv', staging: staging.handOver() } });
    } else if (job.format === 'text') {
      const { ingestTextCsv } = await import('./text-csv');
      const { staging, ...rest } = await ingestTextCsv(body, job.options as CsvOptions & { text: TextOptions }, job.limits);
      send({ type: 'done', result: { ...rest, format: 'text', staging: staging.handOver() } });
    } else {
      const { ingestImageZip } = await import('./zip-images');
      const { staging, ...rest } = await ingestImageZip(body, job.options as ImageOptions, job.limits);
      send({ type: 'done', result: { ...rest, format: 'zip', staging: staging.handOver() } });
    }
  } catch (error) {
    if (error instanceof ApiError) send({ type: 'refused', code: error.code, message: error.message, details: error.details });
    else send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

void run();
