import type { FastifyInstance } from 'fastify';
import type { Db } from '../../core/db/index.ts';
import { sendPage } from '../../core/http/render.ts';
import { getSetting } from '../../core/settings.ts';
import { parseProfile, PROFILE_KEY } from './types.ts';
import { HomePage } from './views/home.tsx';

export { PROFILE_KEY, type NetworkProfile } from './types.ts';

/** The home page: the network's profile and a few figures. */
export function portalRoutes(deps: { db: Db }) {
  return async (app: FastifyInstance) => {
    app.get('/', async (request, reply) => {
      const profile = parseProfile(await getSetting(deps.db, PROFILE_KEY));
      const row = await deps.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return sendPage(reply, HomePage({ ctx: request.ctx, profile, people: Number(row.n) }));
    });
  };
}
