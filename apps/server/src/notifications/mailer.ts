import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config/config.js';

export interface SentMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

export interface Mailer {
  send(msg: { to: string; subject: string; text: string; html?: string | null }): Promise<string>;
  /** Messages delivered by the in-memory transport (tests). */
  readonly sent: SentMail[];
}

/**
 * Nodemailer with three transports: SMTP in production; in development `.eml` files under
 * SISO_DATA_DIR/mail; in tests memory. Outside production nothing leaves the machine.
 */
export function createMailer(config: Pick<Config, 'mail' | 'dataDir'>): Mailer {
  const sent: SentMail[] = [];
  const { transport } = config.mail;
  const mailDir = path.join(config.dataDir, 'mail');
  const transporter =
    transport === 'smtp'
      ? nodemailer.createTransport(config.mail.smtpUrl)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    sent,
    async send(msg) {
      const info = await transporter.sendMail({ from: config.mail.from, ...msg, html: msg.html ?? undefined });
      const messageId = String(info.messageId);
      if (transport === 'file') {
        fs.mkdirSync(mailDir, { recursive: true, mode: 0o700 });
        const file = path.join(mailDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${messageId.replace(/[^A-Za-z0-9]/g, '')}.eml`);
        fs.writeFileSync(file, (info as unknown as { message: Buffer }).message, { mode: 0o600 });
      }
      if (transport === 'memory') sent.push({ to: msg.to, subject: msg.subject, text: msg.text, messageId });
      return messageId;
    },
  };
}
