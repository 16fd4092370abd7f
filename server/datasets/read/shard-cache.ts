import { readBlobBytes } from '@/server/blobs/read-blob';
import { Lru } from './lru';

let capacityBytes = Number(process.env.NETCANVAS_SHARD_CACHE_MB ?? 64) * 1024 * 1024;

/**
 * Shards read recently, bounded in bytes: consecutive batches of one epoch come from the same
 * shard, so each shard is read from the database about once per epoch, and memory stays flat.
 */
const shards = new Lru<Uint8Array>(
  () => capacityBytes,
  (bytes) => bytes.byteLength,
);

export function readShard(hash: string): Promise<Uint8Array> {
  return shards.get(hash, () => readBlobBytes(hash));
}

/** For tests and benchmarks: change the bound (and drop what is held). */
export function setShardCacheBytes(bytes: number): void {
  capacityBytes = bytes;
  shards.clear();
}

export function shardCacheBytes(): number {
  return shards.weight;
}
