import { createHash, randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { deleteStaleBlobs } from '@/server/blobs/delete-stale-blobs';
import { blobInfo, readBlob, readBlobBytes } from '@/server/blobs/read-blob';
import { writeBlob } from '@/server/blobs/write-blob';
import { db } from '@/server/db/client';
import { describeEachDatabase } from './helpers/databases';

async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.byteLength; i += size) yield bytes.subarray(i, i + size);
}

describeEachDatabase('blob storage', () => {
  const content = new Uint8Array(randomBytes(3.5 * 1024 * 1024 + 17));
  const sha = createHash('sha256').update(content).digest('hex');

  it('streams content in, names it by its SHA-256 and streams it back unchanged', async () => {
    const stored = await writeBlob(pieces(content, 300_001), { mediaType: 'application/octet-stream' });
    expect(stored).toEqual({ hash: sha, size: content.byteLength, deduplicated: false });
    expect(await blobInfo(sha)).toMatchObject({ size: content.byteLength, mediaType: 'application/octet-stream' });
    const chunkSizes: number[] = [];
    for await (const chunk of readBlob(sha)) chunkSizes.push(chunk.byteLength);
    expect(chunkSizes).toEqual([1048576, 1048576, 1048576, 524305]);
    expect(Buffer.from(await readBlobBytes(sha)).equals(Buffer.from(content))).toBe(true);
  });

  it('stores identical content once, also when written concurrently', async () => {
    const again = await writeBlob(pieces(content, 65536));
    expect(again).toMatchObject({ hash: sha, deduplicated: true });
    const small = new Uint8Array(randomBytes(5000));
    const results = await Promise.all([writeBlob(pieces(small, 1000)), writeBlob(pieces(small, 777)), writeBlob(small)]);
    expect(new Set(results.map((r) => r.hash)).size).toBe(1);
    expect(await db().blob.count({ where: { hash: results[0]?.hash } })).toBe(1);
    expect(await db().blob.count({ where: { hash: null } })).toBe(0);
  });

  it('leaves nothing behind when the source fails or the content is too large', async () => {
    const before = await db().blobChunk.count();
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(2 * 1024 * 1024);
      throw new Error('connection lost');
    }
    await expect(writeBlob(failing())).rejects.toThrow('connection lost');
    await expect(writeBlob(pieces(new Uint8Array(3 * 1024 * 1024), 100_000), { maxBytes: 2 * 1024 * 1024 })).rejects.toMatchObject({
      code: 'payload_too_large',
    });
    expect(await db().blobChunk.count()).toBe(before);
    expect(await db().blob.count({ where: { hash: null } })).toBe(0);
  });

  it('cleans up writes that never completed, once they are old', async () => {
    const stale = await db().blob.create({ data: { createdAt: new Date(Date.now() - 2 * 86_400_000) } });
    await db().blobChunk.create({ data: { blobId: stale.id, index: 0, data: new Uint8Array(10) } });
    const fresh = await db().blob.create({ data: {} });
    expect(await deleteStaleBlobs()).toBe(1);
    expect(await db().blob.findUnique({ where: { id: fresh.id } })).not.toBeNull();
    await db().blob.delete({ where: { id: fresh.id } });
  });

  it('refuses to read what does not exist', async () => {
    await expect(readBlobBytes('0'.repeat(64))).rejects.toMatchObject({ code: 'not_found' });
  });
});
