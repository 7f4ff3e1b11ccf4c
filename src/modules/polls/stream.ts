import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LiveHub, VersionState } from './live.ts';
import type { PollsService } from './service.ts';
import type { Poll } from './types.ts';
import { ResultsFigure } from './views/charts.tsx';

const HEARTBEAT_MS = 20_000;
/** Streams end after this long; EventSource reconnects by itself (and the request is authorised again). */
const MAX_STREAM_MS = 30 * 60_000;

/**
 * Server-sent events for a poll's results: an `results` event with the rendered results (the same
 * HTML as the page, in the reader's language) whenever the poll's version moves past the one the
 * page was rendered with (`?v=` or Last-Event-ID), and a last event when the poll closes.
 */
export async function liveStream(request: FastifyRequest, reply: FastifyReply, poll: Poll, service: PollsService, hub: LiveHub): Promise<void> {
  const query = request.query as Record<string, unknown>;
  const fromClient = Number(request.headers['last-event-id'] ?? query.v);
  let sent = Number.isInteger(fromClient) && fromClient >= 0 ? fromClient : poll.version;
  const res = reply.raw;
  reply.hijack();
  if (!hub.track(res)) {
    res.writeHead(503, { 'retry-after': '5' }).end();
    return;
  }
  res.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
    connection: 'keep-alive',
  });
  res.write('retry: 3000\n\n');

  let chain = Promise.resolve();
  const push = (state: VersionState) => {
    chain = chain.then(async () => {
      if (res.writableEnded || state.version <= sent) return;
      const current = await service.store.byId(poll.id);
      if (!current || res.writableEnded) return;
      const html = ResultsFigure({ ctx: request.ctx, poll: current, results: await service.results(current) }).html;
      sent = current.version;
      const data = JSON.stringify({ version: current.version, status: current.status, html });
      res.write(`id: ${current.version}\nevent: results\ndata: ${data}\n\n`);
      if (current.status !== 'open') res.end();
    }).catch(() => void res.end());
  };

  const unsubscribe = hub.subscribe(poll.id, push);
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  const expiry = setTimeout(() => res.end(), MAX_STREAM_MS);
  res.once('close', () => {
    unsubscribe();
    clearInterval(heartbeat);
    clearTimeout(expiry);
  });
  // The page may be older than the latest answer: catch up at once.
  push({ version: poll.version, status: poll.status });
  if (poll.status !== 'open') chain = chain.then(() => void res.end());
}
