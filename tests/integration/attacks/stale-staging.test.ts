import { existsSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanStaleStaging, STALE_STAGING_MS } from '@/server/datasets/ingest/clean-stale-staging';
import { STAGING_PREFIX } from '@/server/datasets/ingest/staging';

describe("a crashed upload's staging folder", () => {
  it('is removed on start once older than an hour; younger ones and other folders stay', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'netcanvas-tmp-'));
    const old = mkdtempSync(path.join(dir, STAGING_PREFIX));
    writeFileSync(path.join(old, 'samples.bin'), new Uint8Array(1024));
    const young = mkdtempSync(path.join(dir, STAGING_PREFIX));
    const other = mkdtempSync(path.join(dir, 'someone-else-'));
    const past = (Date.now() - STALE_STAGING_MS - 60_000) / 1000;
    utimesSync(old, past, past);
    utimesSync(other, past, past);
    expect(await cleanStaleStaging(dir)).toEqual([old]);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(young)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });
});
