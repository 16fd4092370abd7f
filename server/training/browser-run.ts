import { writeBlob } from '@/server/blobs/write-blob';
import { db } from '@/server/db/client';
import { ApiError, badRequest } from '@/server/http/errors';
import { finishRun } from '@/server/training/finish-run';
import { recordBrowserEpoch } from '@/server/training/record-epoch';
import { saveRunWeights } from '@/server/training/run-weights';
import type { Epoch, FinishRunBody } from '@/server/training/schemas';

/** Largest weights file a page may upload. */
export const MAX_WEIGHTS_BYTES = 512 * 1024 * 1024;

/** The artifact that records a weights upload of a run: the only blobs its finish call may name. */
const UPLOAD_KIND = 'weights-upload';

/** A browser run that takes reports: trained in a browser, not finished. */
async function openBrowserRun(runId: string): Promise<void> {
  const run = await db().trainingRun.findUniqueOrThrow({ where: { id: runId }, select: { place: true, status: true } });
  if (run.place !== 'browser') throw new ApiError('conflict', 'This run trains on a server worker; only its worker reports on it.');
  if (run.status !== 'running') throw new ApiError('conflict', `The run is ${run.status}; it takes no more reports.`);
}

/** An epoch the training page finished. */
export async function reportBrowserEpoch(runId: string, epoch: Epoch): Promise<{ recorded: boolean }> {
  await openBrowserRun(runId);
  return recordBrowserEpoch(runId, epoch);
}

/** Stores the weights.bin the page uploads (streamed into a blob); returns its hash for the finish call. */
export async function uploadBrowserWeights(
  runId: string,
  body: ReadableStream<Uint8Array> | null,
): Promise<{ hash: string; size: number }> {
  await openBrowserRun(runId);
  if (!body) throw new ApiError('bad_request', 'Send the weights as the request body.');
  const stored = await writeBlob(streamOf(body), { mediaType: 'application/octet-stream', maxBytes: MAX_WEIGHTS_BYTES });
  // Blobs are shared by content hash across teams: this record is what lets the finish call name it.
  await db().artifact.create({ data: { runId, kind: UPLOAD_KIND, blobHash: stored.hash } });
  return { hash: stored.hash, size: stored.size };
}

async function* streamOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    if (value) yield value;
  }
}

/** The page's last report: final status and figures, evaluation, and the trained weights. */
export async function finishBrowserRun(runId: string, body: FinishRunBody): Promise<{ status: string }> {
  await openBrowserRun(runId);
  if (body.weightPlan) {
    const run = await db().trainingRun.findUniqueOrThrow({ where: { id: runId }, select: { config: true } });
    const config = { ...((run.config ?? {}) as Record<string, unknown>), weightPlan: body.weightPlan };
    await db().trainingRun.update({ where: { id: runId }, data: { config: config as object } });
  }
  if (body.weights) {
    await requireOwnUpload(runId, body.weights.hash);
    const { hash, modelTopology, weightSpecs, layerNodes } = body.weights;
    await saveRunWeights(runId, hash, { modelTopology, weightSpecs, ...(layerNodes ? { layerNodes } : {}) });
  }
  await finishRun(runId, {
    status: body.status,
    finalMetrics: body.finalMetrics,
    ...(body.wallTimeMs !== undefined ? { wallTimeMs: body.wallTimeMs } : {}),
    ...(body.error ? { error: body.error } : {}),
    ...(body.evaluation !== undefined ? { evaluation: body.evaluation } : {}),
    ...(body.timing ? { timing: body.timing } : {}),
  });
  return { status: body.status };
}

/**
 * The finish call may only name weights this run uploaded. Any other hash — unknown, or another
 * team's blob — gets the same answer, so it tells nothing about what the store holds.
 */
async function requireOwnUpload(runId: string, hash: string): Promise<void> {
  const upload = await db().artifact.findFirst({ where: { runId, kind: UPLOAD_KIND, blobHash: hash }, select: { id: true } });
  if (!upload) throw badRequest('Upload the weights (PUT /api/runs/:runId/weights.bin) before finishing the run.');
}
