import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleMailer, smtpMailer } from './index.ts';

describe('mail adapters', () => {
  const received: string[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
        stream.on('end', () => {
          received.push(data);
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends through a real SMTP server', async () => {
    const mailer = smtpMailer(`smtp://127.0.0.1:${port}?ignoreTLS=true`, 'Maillage <no-reply@maillage.test>');
    await mailer.send({ to: 'awa@example.ca', subject: 'Réinitialisation', text: 'Bonjour Awa,\nvoici le lien.' });
    expect(received).toHaveLength(1);
    expect(received[0]).toContain('To: awa@example.ca');
    expect(received[0]).toContain('From: Maillage <no-reply@maillage.test>');
    expect(received[0]).toMatch(/Subject: =\?UTF-8\?Q\?R=C3=A9initialisation\?=|Subject: Réinitialisation/);
  });

  it('prints mail on the console in development', async () => {
    const lines: string[] = [];
    const mailer = consoleMailer({ info: () => undefined }, (s) => lines.push(s));
    await mailer.send({ to: 'a@b.ca', subject: 'S', text: 'http://localhost:3000/x' });
    expect(lines.join('')).toContain('http://localhost:3000/x');
  });
});
