import type { z } from 'zod';
import { deleteOrphanDatasetBlobs } from '@/server/datasets/delete-orphan-blobs';
import { ingestOffThread } from '@/server/datasets/ingest/off-thread';
import { CsvOptionsSchema, defaultLimits, ImageOptionsSchema, type UploadLimits } from '@/server/datasets/ingest/options';
import { type Report, VersionMetaSchema } from '@/server/datasets/manifest';
import type { UploadQuery } from '@/server/datasets/schemas';
import { buildTextVersion } from '@/server/datasets/store/build-text-version';
import { buildImageVersion, buildTableVersion } from '@/server/datasets/store/build-version';
import { commitVersion, discardBlobs } from '@/server/datasets/store/commit-version';
import type { CreatedBlobs } from '@/server/datasets/store/pack';
import { badRequest, parseInput } from '@/server/http/errors';

export interface UploadResult {
  datasetId: string;
  number: number;
  versionId: string;
  report: Report;
}

function parseOptions<T>(schema: z.ZodType<T>, text: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw badRequest('The upload options are not valid JSON.');
  }
  return parseInput(schema, json);
}

/**
 * A new dataset from an uploaded file, streamed: a zip of class folders, a CSV or a CSV of texts. The body is read
 * as it arrives (bounded memory) and parsed or decoded on a worker thread (so other requests never
 * wait on it), samples are staged, packed into shard blobs, and the dataset with
 * its version 1 is committed in one transaction. On any failure every blob this upload stored is
 * deleted again, so nothing half-saved is ever visible.
 */
export async function uploadDataset(
  userId: string,
  teamId: string,
  query: UploadQuery,
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  limits: UploadLimits = defaultLimits(),
): Promise<UploadResult> {
  // Housekeeping while here: what uploads cut off by a crash left behind a day ago.
  deleteOrphanDatasetBlobs().catch(() => undefined);
  const created: CreatedBlobs = new Set();
  const license = query.license || 'Not stated by the uploader';
  try {
    let built: Awaited<ReturnType<typeof buildImageVersion>>;
    if (query.format === 'zip') {
      const options = parseOptions(ImageOptionsSchema, query.options);
      const ingest = await ingestOffThread('zip', body, options, limits);
      try {
        built = await buildImageVersion(ingest, options, license, created);
      } finally {
        ingest.staging.close();
      }
    } else {
      const options = parseOptions(CsvOptionsSchema, query.options);
      if (options.text) {
        const textOptions = { ...options, text: options.text };
        const ingest = await ingestOffThread('text', body, textOptions, limits);
        try {
          built = await buildTextVersion(ingest, textOptions, license, created);
        } finally {
          ingest.staging.close();
        }
      } else {
        const ingest = await ingestOffThread('csv', body, options, limits);
        try {
          built = await buildTableVersion(ingest, options, license, created);
        } finally {
          ingest.staging.close();
        }
      }
    }
    const meta = VersionMetaSchema.parse(built.meta);
    const committed = await commitVersion({
      target: { create: { teamId, name: query.name, description: query.description, kind: meta.kind, source: query.source } },
      message: `Uploaded ${query.format === 'zip' ? 'image archive' : meta.kind === 'text' ? 'CSV of texts' : 'CSV'}`,
      userId,
      meta,
      manifest: built.manifest,
    });
    return { ...committed, report: meta.report };
  } catch (error) {
    await discardBlobs(created);
    throw error;
  }
}
