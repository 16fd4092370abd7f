import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';
import { resetAuth } from '@/server/auth/auth';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server on a free local port that keeps what it receives, for tests that send mail. */
export interface Mailbox {
  url: string;
  received: ReceivedMail[];
  /** Waits for a message to `to` and returns the first link in it to `path`. */
  linkTo(to: string, path: string, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

export async function openMailbox(): Promise<Mailbox> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async linkTo(to, path, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = received.find((m) => m.to.includes(to));
        // Quoted-printable bodies wrap long lines with "=\r\n"; undo that before looking for the link.
        const body = mail?.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
        const link = body?.match(new RegExp(`https?://\\S*${path.replace(/\//g, '\\/')}\\S*`))?.[0];
        if (link) return link;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} with a link to ${path} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Opens a mailbox for the suite it is called in and points the server's mail at it (SMTP_URL),
 * restoring the setting after. Returns a getter: the mailbox exists from beforeAll on.
 */
export function useMailbox(): () => Mailbox {
  let mailbox: Mailbox | undefined;
  const before = process.env.SMTP_URL;
  beforeAll(async () => {
    mailbox = await openMailbox();
    process.env.SMTP_URL = mailbox.url;
    resetAuth();
  });
  afterAll(async () => {
    if (before === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = before;
    await mailbox?.close();
  });
  return () => {
    if (!mailbox) throw new Error('the mailbox opens in beforeAll');
    return mailbox;
  };
}
