import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { expect, it, vi } from 'vitest';
import { sql } from '@/server/db/sql';
import { toApiError } from '@/server/http/errors';
import { readJson } from '@/server/http/read-body';
import { call, signUp } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';

describeEachDatabase('errors from statements run without the ORM', () => {
  it('a unique or foreign-key violation is answered in words, not as a server fault', async () => {
    const alice = await signUp('Alice Driver');
    const teamId = (await call('GET', '/api/teams', { as: alice })).body.teams[0].id;
    const failure = (text: string, values: unknown[]) =>
      sql(text, values).then(
        () => null,
        (error: unknown) => error,
      );
    const duplicate = await failure(
      'INSERT INTO "team" ("id", "name", "updatedAt") SELECT "id", "name", "updatedAt" FROM "team" WHERE "id" = $1',
      [teamId],
    );
    expect(toApiError(duplicate)).toMatchObject({ code: 'conflict', message: 'Something with the same unique value already exists.' });
    const dangling = await failure(
      `INSERT INTO "version" ("id", "projectId", "number", "message", "contentHash") VALUES ('v-dangling', 'no-such-project', 1, '', 'no-such-content')`,
      [],
    );
    expect(toApiError(dangling)).toMatchObject({ code: 'bad_request', message: 'The request refers to something that does not exist.' });
  });
});

it('a client that goes away in the middle of its body is not logged as a server fault', async () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  let answered: ReturnType<typeof toApiError> | undefined;
  const done = new Promise<void>((resolve) => {
    const server = createServer(async (req, res) => {
      const body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
      const request = new Request('http://localhost/api', { method: 'POST', body, duplex: 'half' } as RequestInit);
      answered = await readJson(request).then(
        () => undefined,
        (error: unknown) => toApiError(error, 'POST /api'),
      );
      res.destroy();
      server.close(() => resolve());
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const client = httpRequest({ port, host: '127.0.0.1', method: 'POST', headers: { 'content-length': '100000' } });
      client.on('error', () => undefined);
      client.write('{"graph": {"nodes": [');
      setTimeout(() => client.destroy(), 100);
    });
  });
  await done;
  expect(answered).toMatchObject({ code: 'bad_request', message: 'The request was cut off before it arrived whole.' });
  expect(logged).not.toHaveBeenCalled();
  logged.mockRestore();
});
