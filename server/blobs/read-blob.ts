import { db } from '@/server/db/client';
import { ApiError } from '@/server/http/errors';

/** Chunks fetched per query when streaming: a few MB in flight at most. */
const CHUNKS_PER_QUERY = 4;

export interface BlobInfo {
  hash: string;
  size: number;
  mediaType: string | null;
}

export async function blobInfo(hash: string): Promise<BlobInfo | null> {
  const blob = await db().blob.findUnique({ where: { hash }, select: { hash: true, size: true, mediaType: true } });
  return blob ? { hash, size: Number(blob.size), mediaType: blob.mediaType } : null;
}

/** Streams a complete blob's bytes chunk by chunk, with bounded memory. */
export async function* readBlob(hash: string): AsyncGenerator<Uint8Array> {
  const prisma = db();
  const blob = await prisma.blob.findUnique({ where: { hash }, select: { id: true, chunkCount: true } });
  if (!blob) throw new ApiError('not_found', `No stored content ${hash.slice(0, 12)}…`);
  for (let start = 0; start < blob.chunkCount; start += CHUNKS_PER_QUERY) {
    const chunks = await prisma.blobChunk.findMany({
      where: { blobId: blob.id, index: { gte: start, lt: start + CHUNKS_PER_QUERY } },
      orderBy: { index: 'asc' },
      select: { data: true },
    });
    for (const chunk of chunks) yield new Uint8Array(chunk.data);
  }
}

/** A whole blob in memory: for the small ones (weights of small models, shards). */
export async function readBlobBytes(hash: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const part of readBlob(hash)) {
    parts.push(part);
    size += part.byteLength;
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
