import type { ErrorCode } from '@/server/http/errors';
import type { CsvIngest } from './csv';
import type { StagingHandle } from './staging';
import type { TextIngest } from './text-csv';
import type { ImageIngest } from './zip-images';

/** What the request-serving thread sends an ingest thread: the body's chunks, its end, or why it stopped. */
export type ToIngestThread = { type: 'chunk'; bytes: Uint8Array } | { type: 'end' } | { type: 'abort'; reason: string };

/** An ingest's result with its staging file handed over (structured-clone safe). */
export type HandedOverIngest =
  | (Omit<CsvIngest, 'staging'> & { format: 'csv'; staging: StagingHandle })
  | (Omit<ImageIngest, 'staging'> & { format: 'zip'; staging: StagingHandle })
  | (Omit<TextIngest, 'staging'> & { format: 'text'; staging: StagingHandle });

/** What an ingest thread answers: a chunk taken, the result, a refusal (an ApiError) or a failure. */
export type FromIngestThread =
  | { type: 'ack' }
  | { type: 'done'; result: HandedOverIngest }
  | { type: 'refused'; code: ErrorCode; message: string; details: unknown }
  | { type: 'failed'; message: string };
