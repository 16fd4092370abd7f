import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { ErrorBodySchema } from '@/server/http/errors';
import { MNIST_DIR, mnistEntries, upload, zip } from './datasets-fixtures';
import { call, signUp, type TestUser } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';

const png = (digit: number, n = 0) =>
  new Uint8Array(readFileSync(path.join(MNIST_DIR, String(digit), `${digit}_${String(n).padStart(4, '0')}.png`)));

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** A valid-looking PNG header for a grayscale image of the given size, with a little zero data. */
function pngClaiming(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const body = new Uint8Array([...new TextEncoder().encode(type), ...data]);
    const out = new Uint8Array(8 + data.length + 4);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(body, 4);
    view.setUint32(8 + data.length, crc32(body));
    return out;
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const idat = new Uint8Array(deflateSync(new Uint8Array(width + 1)));
  return new Uint8Array([
    ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    ...chunk('IHDR', ihdr),
    ...chunk('IDAT', idat),
    ...chunk('IEND', new Uint8Array()),
  ]);
}

/** 48 MB of zeros in about 50 KB: made once, used on both databases. */
let bomb: Uint8Array | undefined;

/** Rows of every table an upload writes to. */
async function rowCounts() {
  const [dataset, datasetVersion, blob, blobChunk, refs] = await Promise.all([
    db().dataset.count(),
    db().datasetVersion.count(),
    db().blob.count(),
    db().blobChunk.count(),
    db().datasetVersionBlob.count(),
  ]);
  return { dataset, datasetVersion, blob, blobChunk, refs };
}

describeEachDatabase('datasets: bad input', () => {
  let alice: TestUser;
  let teamId: string;
  let hugePng: Uint8Array;

  beforeAll(async () => {
    alice = await signUp('Alice Bad Input');
    teamId = (await call('GET', '/api/teams', { as: alice })).body.teams[0].id;
    // A PNG that claims 8,000 × 6,000 pixels (48 MP, over the 40 MP limit) in a few hundred bytes.
    hugePng = pngClaiming(8000, 6000);
  });

  /** Uploads, expects a refusal naming `names`, and checks that not a single row was left behind. */
  async function refused(body: Uint8Array | string, format: 'csv' | 'zip', options: unknown, status: number, names: string[]) {
    const before = await rowCounts();
    const response = await upload(alice, teamId, body, { format, options });
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(ErrorBodySchema.safeParse(response.body).success).toBe(true);
    for (const name of names) expect(response.body.error.message).toContain(name);
    expect(await rowCounts()).toEqual(before);
    return response.body.error;
  }

  it('a zip bomb (an entry expanding over 100×) is refused by name', async () => {
    bomb ??= zip({ 'digits/0/a.png': png(0), 'digits/1/bomb.png': new Uint8Array(48 * 1024 * 1024) }, 9);
    expect(bomb.byteLength).toBeLessThan(200_000);
    const error = await refused(bomb, 'zip', {}, 413, ['zip bomb', 'digits/1/bomb.png', 'expands more than 100×']);
    expect(error.details.problems[0].name).toBe('digits/1/bomb.png');
  });

  it('a ../ path and an absolute path are refused by name', async () => {
    await refused(zip({ 'digits/0/a.png': png(0), '../evil/b.png': png(1) }), 'zip', {}, 400, [
      '../evil/b.png',
      'paths with ../ are not allowed',
    ]);
    await refused(zip({ '/etc/c.png': png(1) }), 'zip', {}, 400, ['/etc/c.png', 'absolute paths']);
  });

  it('huge images, non-images and corrupt PNGs: named and refused in strict mode', async () => {
    const corrupt = png(3).slice(0, 120);
    const files = {
      ...mnistEntries(2),
      'digits/1/huge.png': hugePng,
      'digits/2/notes.txt': 'not an image',
      'digits/3/broken.png': corrupt,
    };
    const error = await refused(zip(files), 'zip', { strict: true }, 400, ['not readable images']);
    const named = Object.fromEntries(error.details.problems.map((p: { name: string; reason: string }) => [p.name, p.reason]));
    expect(named['digits/1/huge.png']).toMatch(/8000×6000 pixels, more than the 40-megapixel limit/);
    expect(named['digits/2/notes.txt']).toMatch(/not an image file/);
    expect(named['digits/3/broken.png']).toMatch(/corrupt or unreadable image/);
  });

  it('…and otherwise skipped and listed in the report, the rest kept', async () => {
    const files = {
      ...mnistEntries(2),
      'digits/1/huge.png': hugePng,
      'digits/2/notes.txt': 'not an image',
      'digits/3/broken.png': png(3).slice(0, 120),
    };
    const made = await upload(alice, teamId, zip(files), { format: 'zip', options: {} });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.report).toMatchObject({ read: 23, kept: 20, skippedCount: 3 });
    expect(made.body.report.skipped.map((s: { name: string }) => s.name).sort()).toEqual([
      'digits/1/huge.png',
      'digits/2/notes.txt',
      'digits/3/broken.png',
    ]);
  });

  it('an archive without a readable image, or a file that is not a zip, is refused', async () => {
    await refused(zip({ 'a/readme.txt': 'hello', 'b/x.csv': '1,2' }), 'zip', {}, 400, ['no readable images', 'a/readme.txt']);
    await refused('this is not a zip file at all', 'zip', {}, 400, ['No files were found']);
  });

  it('ragged CSV rows are refused naming the rows', async () => {
    const csv = 'a,b,label\n1,2,x\n3,4\n5,6,y\n7,8,9,z\n';
    const error = await refused(csv, 'csv', {}, 400, ['row 3: has 2 fields, the header has 3', 'row 5: has 4 fields']);
    expect(error.details.problems).toHaveLength(2);
  });

  it('invalid UTF-8 is refused naming the rows', async () => {
    const head = new TextEncoder().encode('name,size,label\nplain,1,a\n');
    const latin1 = Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x32, 0x2c, 0x62, 0x0a]); // "café,2,b" in Latin-1
    const tail = new TextEncoder().encode('ok,3,a\n');
    const bytes = new Uint8Array([...head, ...latin1, ...tail, ...latin1]);
    await refused(bytes, 'csv', {}, 400, ['not valid UTF-8', 'row 3: is not valid UTF-8', 'row 5: is not valid UTF-8']);
  });

  it('text in a numeric column, an unknown label column and bad options are refused clearly', async () => {
    await refused('a,b,label\n1,2,x\n3,oops,y\n', 'csv', { types: { b: 'numeric' } }, 400, [
      'row 3',
      'column "b" should be a number, not "oops"',
    ]);
    await refused('a,b\n1,2\n', 'csv', { label: 'target' }, 400, ['There is no label column "target"']);
    await refused('a,b\n1,2\n', 'csv', { split: { validation: 0.5, test: 0.5 } }, 400, ['The request is not valid']);
    await refused('', 'csv', {}, 400, ['The file is empty']);
  });

  it('an upload larger than the limit stops early and keeps nothing', async () => {
    const { uploadDataset } = await import('@/server/datasets/upload-dataset');
    const { UploadQuery } = await import('@/server/datasets/schemas');
    const { defaultLimits } = await import('@/server/datasets/ingest/options');
    const before = await rowCounts();
    async function* endless() {
      for (let i = 0; i < 100; i++) yield new TextEncoder().encode('1,2,3\n'.repeat(20_000));
    }
    await expect(
      uploadDataset(alice.id, teamId, UploadQuery.parse({ name: 'x', format: 'csv' }), endless(), {
        ...defaultLimits(),
        maxUploadBytes: 1024 * 1024,
      }),
    ).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(await rowCounts()).toEqual(before);
  });
});
