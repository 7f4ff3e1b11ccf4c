import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DbHandle } from '../../src/core/db/index.ts';
import { memoryMailer } from '../../src/core/mail/index.ts';
import { buildMaillage, type Maillage } from '../../src/main.ts';
import { Agent, csrfIn, startTestApp, type TestApp } from '../support/app.ts';
import { describeEachEngine } from '../support/each-engine.ts';

interface LiveEvent {
  event: string;
  id: string;
  data: { version: number; status: string; html: string };
}

/** Reads a server-sent event stream over real HTTP, one event at a time. */
async function openStream(url: string) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    res,
    /** The next `results` event, or undefined when the stream ends first; fails after `ms`. */
    async next(ms = 5000): Promise<LiveEvent | undefined> {
      const deadline = Date.now() + ms;
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(block.split('\n').filter((l) => l && !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
          if (fields.event === 'results') return { event: fields.event, id: fields.id ?? '', data: JSON.parse(fields.data ?? '{}') as LiveEvent['data'] };
          continue;
        }
        const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now())));
        const chunk = await Promise.race([reader.read(), timeout]);
        if (chunk === 'timeout') throw new Error(`no event within ${ms} ms`);
        if (chunk.done) return undefined;
        buffer += chunk.value;
      }
    },
    close: () => controller.abort(),
  };
}

describeEachEngine('polls: live results over server-sent events, across two instances', (engine) => {
  let t: TestApp;
  let second: Maillage;
  let secondDb: DbHandle;
  let urlA = '';
  let urlB = '';
  let coord: Agent;

  beforeAll(async () => {
    t = await startTestApp(engine);
    // A second instance on the same database, as behind a load balancer.
    secondDb = t.testDb.open();
    second = await buildMaillage(t.config, { db: secondDb, mailer: memoryMailer(), migrate: false });
    urlA = await t.app.listen({ host: '127.0.0.1', port: 0 });
    urlB = await second.app.listen({ host: '127.0.0.1', port: 0 });
    coord = await t.signedIn('coordination');
  });
  afterAll(async () => {
    await second?.close();
    await secondDb?.destroy();
    await t?.close();
  });

  async function openPoll(question: string, kind = 'single'): Promise<string> {
    const res = await coord.post('/sondages', { question, kind, options: 'Oui\nNon', scale_max: '5', page: '', context: '', open: '1' });
    return String(res.headers.location).split('/')[2]!;
  }

  /** A phone answering through the second instance. */
  async function answerOnB(code: string, ip: string, form: Record<string, string>) {
    const phone = new Agent(second.app, ip);
    const page = await phone.get(`/sondage/${code}`);
    const res = await phone.post(`/sondage/${code}`, form, { csrf: csrfIn(page.body) });
    expect(res.statusCode).toBe(303);
  }

  it('streams an answer stored by the other instance, then the closing, then ends', async () => {
    const code = await openPoll('En direct ?');
    const version = (await t.m.polls.service.byCode(code)).version;
    const stream = await openStream(`${urlA}/sondage/${code}/direct?v=${version}`);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toContain('text/event-stream');
    expect(stream.res.headers.get('content-security-policy')).toContain("default-src 'self'");
    await answerOnB(code, '192.0.2.1', { choice: '0' });
    const first = await stream.next();
    expect(first?.data.status).toBe('open');
    expect(first?.data.html).toContain('1 réponse(s).');
    expect(first?.data.html).toContain('<th scope="row">Oui</th><td class="num">1</td>');
    expect(Number(first?.id)).toBeGreaterThan(version);
    await answerOnB(code, '192.0.2.2', { choice: '1' });
    expect((await stream.next())?.data.html).toContain('2 réponse(s).');
    await coord.post(`/sondage/${code}/gerer/fermer`, {});
    const last = await stream.next();
    expect(last?.data.status).toBe('closed');
    expect(await stream.next()).toBeUndefined();
  });

  it('catches up at once when the page is older than the latest answer, in the reader’s language', async () => {
    const code = await openPoll('Rattrapage ?', 'words');
    await answerOnB(code, '192.0.2.3', { words: 'Formations, veille' });
    const stream = await openStream(`${urlB}/sondage/${code}/direct?v=0&uselang=en`);
    const event = await stream.next();
    expect(event?.data.html).toContain('1 answer(s).');
    expect(event?.data.html).toContain('<th scope="row">formations</th><td class="num">1</td>');
    stream.close();
  });

  it('refuses streams of drafts to participants', async () => {
    const res = await coord.post('/sondages', { question: 'Brouillon ?', kind: 'single', options: 'A\nB', scale_max: '5', page: '', context: '' });
    const code = String(res.headers.location).split('/')[2]!;
    expect((await fetch(`${urlA}/sondage/${code}/direct`)).status).toBe(404);
  });

  it('ends open streams when an instance shuts down, without waiting for them', async () => {
    const code = await openPoll('Arrêt ?');
    const extraDb = t.testDb.open();
    const third = await buildMaillage(t.config, { db: extraDb, mailer: memoryMailer(), migrate: false });
    const url = await third.app.listen({ host: '127.0.0.1', port: 0 });
    const stream = await openStream(`${url}/sondage/${code}/direct`);
    expect(stream.res.status).toBe(200);
    const started = Date.now();
    await third.close();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await stream.next()).toBeUndefined();
    await extraDb.destroy();
  });
});
