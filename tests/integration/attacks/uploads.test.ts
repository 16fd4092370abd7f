import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { MNIST_DIR, upload, zip } from '../datasets-fixtures';
import { call, signUp, type TestUser } from '../helpers/api';
import { describeEachDatabase } from '../helpers/databases';

const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('\n');

/** CSV and zip uploads that would freeze the server or bloat every page that lists them. */
describeEachDatabase('attacks: oversized uploads', () => {
  let user: TestUser;
  let teamId: string;

  beforeAll(async () => {
    user = await signUp('Ursula Upload');
    teamId = (await call('GET', '/api/teams', { as: user })).body.teams[0].id;
  });

  const refusedWith = async (body: string | Uint8Array, format: 'csv' | 'zip', message: RegExp) => {
    const before = await db().dataset.count();
    const response = await upload(user, teamId, body, { format, options: {} });
    expect(response.status, JSON.stringify(response.body).slice(0, 400)).toBe(400);
    expect(JSON.stringify(response.body.error)).toMatch(message);
    expect(await db().dataset.count()).toBe(before);
  };

  it('refuses a header line that never ends, without holding it whole', async () => {
    await refusedWith(`${'a'.repeat(5 * 1024 * 1024)},label\n1,x\n`, 'csv', /Row 1 is longer than 1024K characters/);
  });

  it('refuses a row whose quoted cell spans megabytes', async () => {
    await refusedWith(`x,label\n1,"${'b\n'.repeat(700_000)}"\n`, 'csv', /Row 2 is longer than/);
  });

  it('refuses column names, class names and NUL characters it could not show or store', async () => {
    await refusedWith(`${'n'.repeat(300)},label\n1,a\n`, 'csv', /name of column 1 is longer than 200 characters/);
    await refusedWith(`x,label\n1,${'c'.repeat(5000)}\n2,a\n`, 'csv', /the class in column \\"label\\" is longer than 100 characters/);
    await refusedWith(`x,label\n1,a\u0000b\n2,a\n`, 'csv', /NUL character/);
  });

  it('refuses more classes than a dataset keeps', async () => {
    await refusedWith(`x,label\n${rows(1500, (i) => `${i},class${i}`)}\n`, 'csv', /more than 1000 different values/);
  });

  it('skips zip folders with names too long to be a class, naming them', async () => {
    const digit = new Uint8Array(readFileSync(path.join(MNIST_DIR, '3', '3_0000.png')));
    const files = { [`${'f'.repeat(150)}/1.png`]: digit, 'three/1.png': digit, 'three/2.png': digit };
    const response = await upload(user, teamId, zip(files), { format: 'zip', options: { strict: true } });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error)).toMatch(/folder name is longer than 100 characters/);
  });
});
