import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const FLUSH_BYTES = 1024 * 1024;

/** A staging file handed from the thread that filled it to the one that packs it (see off-thread.ts). */
export interface StagingHandle {
  dir: string;
  recordBytes: number;
  count: number;
  labels: Float32Array<ArrayBuffer>;
  names: string[];
}

/** Name prefix of staging folders in the temp dir (see clean-stale-staging.ts). */
export const STAGING_PREFIX = 'netcanvas-upload-';

/**
 * Where an upload's samples wait, in arrival order, until the whole upload has been read: fixed-size
 * records in a temporary file (so memory stays bounded however large the upload), plus one label
 * and one name per sample. Packing then reads them back in a shuffled order.
 */
export class Staging {
  readonly dir: string;
  private readonly fd: number;
  private buffer: Uint8Array;
  private filled = 0;
  private flushedRecords = 0;
  count = 0;
  labels = new Float32Array(1024);
  readonly names: string[] = [];

  constructor(
    readonly recordBytes: number,
    handle?: StagingHandle,
  ) {
    this.dir = handle?.dir ?? mkdtempSync(path.join(tmpdir(), STAGING_PREFIX));
    this.fd = openSync(path.join(this.dir, 'samples.bin'), handle ? 'r+' : 'w+');
    this.buffer = new Uint8Array(Math.max(recordBytes, Math.floor(FLUSH_BYTES / recordBytes) * recordBytes));
    if (handle) {
      this.count = handle.count;
      this.flushedRecords = handle.count;
      this.labels = handle.labels;
      this.names = handle.names;
    }
  }

  /** Opens a staging file another thread filled and handed over (`handOver`). */
  static adopt(handle: StagingHandle): Staging {
    return new Staging(handle.recordBytes, handle);
  }

  /**
   * Writes out what is buffered and lets go of the file without removing it: the returned handle
   * lets another thread `adopt` it, which then owns (and eventually removes) the folder.
   */
  handOver(): StagingHandle {
    this.flush();
    closeSync(this.fd);
    return { dir: this.dir, recordBytes: this.recordBytes, count: this.count, labels: this.labelArray().slice(), names: this.names };
  }

  /** Adds one sample (exactly `recordBytes` bytes), its label (NaN: none) and where it came from. */
  append(record: Uint8Array, label: number, name: string): void {
    if (record.byteLength !== this.recordBytes)
      throw new Error(`staging record of ${record.byteLength} bytes, expected ${this.recordBytes}`);
    if (this.filled + record.byteLength > this.buffer.byteLength) this.flush();
    this.buffer.set(record, this.filled);
    this.filled += record.byteLength;
    if (this.count === this.labels.length) {
      const grown = new Float32Array(this.labels.length * 2);
      grown.set(this.labels);
      this.labels = grown;
    }
    this.labels[this.count] = label;
    this.names.push(name);
    this.count++;
  }

  /** The labels of the samples appended so far. */
  labelArray(): Float32Array {
    return this.labels.subarray(0, this.count);
  }

  /** Reads sample `index` into `into` (which must be `recordBytes` long). */
  read(index: number, into: Uint8Array): Uint8Array {
    if (index >= this.flushedRecords) this.flush();
    readSync(this.fd, into, 0, this.recordBytes, index * this.recordBytes);
    return into;
  }

  /** Overwrites sample `index` (already appended) with new bytes of the same size. */
  rewrite(index: number, record: Uint8Array): void {
    if (index >= this.flushedRecords) this.flush();
    writeSync(this.fd, record, 0, this.recordBytes, index * this.recordBytes);
  }

  private flush(): void {
    if (this.filled === 0) return;
    writeSync(this.fd, this.buffer, 0, this.filled, this.flushedRecords * this.recordBytes);
    this.flushedRecords += this.filled / this.recordBytes;
    this.filled = 0;
  }

  /** Removes the temporary file. */
  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
