import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Outgoing mail port. Adapters: console (development), SMTP (when configured), memory (tests). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export function consoleMailer(log: Pick<Logger, 'info'>, write: (s: string) => void = (s) => process.stdout.write(s)): Mailer {
  return {
    async send(m) {
      log.info({ to: m.to, subject: m.subject }, 'mail (console adapter)');
      write(`\n----- mail to ${m.to} -----\nSubject: ${m.subject}\n\n${m.text}\n----- end of mail -----\n\n`);
    },
  };
}

export function smtpMailer(url: string, from: string): Mailer {
  // Loaded on the first mail: most processes never send one, and nodemailer weighs a few MB.
  let transport: Promise<Transporter> | undefined;
  return {
    async send(m) {
      transport ??= import('nodemailer').then((n) => n.default.createTransport(url));
      await (await transport).sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}

export interface MemoryMailer extends Mailer {
  readonly sent: MailMessage[];
  lastTo(to: string): MailMessage | undefined;
}

export function memoryMailer(): MemoryMailer {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(m) {
      sent.push(m);
    },
    lastTo: (to) => sent.filter((m) => m.to === to).at(-1),
  };
}
