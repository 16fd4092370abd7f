import nodemailer, { type Transporter } from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

let transport: { url: string; transporter: Transporter } | null = null;

/** Whether mail leaves this server (SMTP_URL is set) or only reaches its log. */
export function mailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

/**
 * Sends a message through the SMTP server in SMTP_URL (`smtp://user:password@host:587`, or
 * `smtps://` for TLS from the start), from MAIL_FROM. Without SMTP_URL the message is written to
 * the server's log instead, so whoever runs a server without mail can still pass a link on.
 */
export async function sendMail(mail: Mail): Promise<'sent' | 'logged'> {
  const url = process.env.SMTP_URL;
  if (!url) {
    console.info(`[netcanvas] mail to ${mail.to} (SMTP_URL is not set, so it is written here)\nSubject: ${mail.subject}\n\n${mail.text}\n`);
    return 'logged';
  }
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  await transport.transporter.sendMail({ from: process.env.MAIL_FROM ?? 'NetCanvas <netcanvas@localhost>', ...mail });
  return 'sent';
}
