import { createHash } from 'node:crypto';
import { db } from '@/server/db/client';
import { ApiError } from '@/server/http/errors';
import { rechunk } from './chunking';

export interface StoredBlob {
  hash: string;
  size: number;
  /** True when identical content was already stored and this write reused it. */
  deduplicated: boolean;
}

export interface WriteBlobOptions {
  mediaType?: string;
  /** Refuse (payload_too_large) once the content grows past this many bytes. */
  maxBytes?: number;
}

/**
 * Stores bytes as a blob, streaming: chunks are written as they arrive while the SHA-256 is
 * computed, so memory stays bounded whatever the size. The blob gets its hash only once complete
 * (until then no reader can find it); if that content already exists the new copy is deleted and
 * the existing one returned. A failing source leaves nothing behind.
 */
export async function writeBlob(
  source: Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: WriteBlobOptions = {},
): Promise<StoredBlob> {
  const prisma = db();
  if (source instanceof Uint8Array) {
    const hash = createHash('sha256').update(source).digest('hex');
    const existing = await prisma.blob.findUnique({ where: { hash }, select: { hash: true } });
    if (existing) return { hash, size: source.byteLength, deduplicated: true };
    if (options.maxBytes !== undefined && source.byteLength > options.maxBytes) throw tooLarge(options.maxBytes);
    return writeBlob([source], options);
  }
  const blob = await prisma.blob.create({ data: { mediaType: options.mediaType ?? null }, select: { id: true } });
  const hasher = createHash('sha256');
  let size = 0;
  let index = 0;
  try {
    for await (const chunk of rechunk(source)) {
      size += chunk.byteLength;
      if (options.maxBytes !== undefined && size > options.maxBytes) throw tooLarge(options.maxBytes);
      hasher.update(chunk);
      await prisma.blobChunk.create({ data: { blobId: blob.id, index, data: chunk } });
      index++;
    }
  } catch (error) {
    await prisma.blob.delete({ where: { id: blob.id } }).catch(() => undefined);
    throw error;
  }
  const hash = hasher.digest('hex');
  return prisma
    .$transaction(async (tx) => {
      const existing = await tx.blob.findUnique({ where: { hash }, select: { id: true } });
      if (existing) {
        await tx.blob.delete({ where: { id: blob.id } });
        return { hash, size, deduplicated: true };
      }
      await tx.blob.update({ where: { id: blob.id }, data: { hash, size: BigInt(size), chunkCount: index } });
      return { hash, size, deduplicated: false };
    })
    .catch(async (error: unknown) => {
      // A concurrent writer of the same content won the unique hash: theirs is the stored copy.
      if ((error as { code?: string }).code === 'P2002') {
        await prisma.blob.delete({ where: { id: blob.id } }).catch(() => undefined);
        return { hash, size, deduplicated: true };
      }
      throw error;
    });
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError('payload_too_large', `The content is larger than ${(maxBytes / 1024 / 1024).toFixed(0)} MB.`);
}
