import type { SavedClassifier } from '@/engine/features/classifier';
import { readBlobBytes } from '@/server/blobs/read-blob';
import { writeBlob } from '@/server/blobs/write-blob';
import { db } from '@/server/db/client';
import type { ClassifierArtifactMeta } from '@/server/features/schemas';
import { badRequest } from '@/server/http/errors';

/** Media type of a stored classifier (the engine's `SavedClassifier` as JSON). */
export const CLASSIFIER_MEDIA_TYPE = 'application/vnd.netcanvas.classifier+json';

/** Stores a run's trained classifier as a blob and its `classifier` artifact (replacing an earlier one). */
export async function saveClassifier(runId: string, saved: SavedClassifier, meta: ClassifierArtifactMeta): Promise<void> {
  const blob = await writeBlob(new TextEncoder().encode(JSON.stringify(saved)), { mediaType: CLASSIFIER_MEDIA_TYPE });
  await db().$transaction([
    db().artifact.deleteMany({ where: { runId, kind: 'classifier' } }),
    db().artifact.create({ data: { runId, kind: 'classifier', blobHash: blob.hash, meta: meta as object } }),
  ]);
}

/** A run's classifier artifact (blob hash and meta), or a 400 that says the run has none. */
export async function runClassifierArtifact(runId: string, status: string): Promise<{ blobHash: string; meta: ClassifierArtifactMeta }> {
  const artifact = await db().artifact.findFirst({
    where: { runId, kind: 'classifier', blobHash: { not: null } },
    orderBy: { createdAt: 'desc' },
    select: { blobHash: true, meta: true },
  });
  if (!artifact?.blobHash) {
    throw badRequest(`This feature-extraction run has no trained classifier (it is ${status}): predict with a run that finished.`);
  }
  return { blobHash: artifact.blobHash, meta: artifact.meta as unknown as ClassifierArtifactMeta };
}

/** The stored classifier's JSON, read back. */
export async function readSavedClassifier(blobHash: string): Promise<SavedClassifier> {
  return JSON.parse(new TextDecoder().decode(await readBlobBytes(blobHash))) as SavedClassifier;
}
