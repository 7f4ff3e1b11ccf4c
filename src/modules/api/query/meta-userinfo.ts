import { groupsOf } from '../rights.ts';
import { isoTimestamp } from '../params.ts';
import type { MetaModule } from './types.ts';

const PROPS = ['groups', 'rights', 'editcount', 'registrationdate', 'email', 'realname', 'blockinfo', 'hasmsg', 'options', 'ratelimits', 'implicitgroups', 'changeablegroups', 'acceptlang', 'unreadcount', 'centralids', 'latestcontrib', 'cancreateaccount', 'groupmemberships'] as const;

/** meta=userinfo: who the API sees, with groups and rights derived from the role (and grants). */
export const metaUserinfo: MetaModule = {
  name: 'userinfo',
  prefix: 'ui',
  parameters: ['prop'],
  async run(call, p) {
    const props = p.multiEnum('prop', PROPS);
    const { actor, bot } = call;
    const info: Record<string, unknown> =
      actor.kind === 'user' ? { id: actor.user.id, name: actor.user.name } : { id: 0, name: call.request.ip, anon: true };
    if (props.includes('groups')) info.groups = groupsOf(actor, bot);
    if (props.includes('implicitgroups')) info.implicitgroups = actor.kind === 'user' ? ['*', 'user', 'autoconfirmed'] : ['*'];
    if (props.includes('rights')) info.rights = [...call.rights].sort();
    if (props.includes('editcount') && actor.kind === 'user') {
      const r = await call.deps.db.selectFrom('revisions').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', actor.user.id).executeTakeFirstOrThrow();
      info.editcount = Number(r.n);
    }
    if (props.includes('registrationdate') && actor.kind === 'user') info.registrationdate = isoTimestamp(actor.user.createdAt);
    if (props.includes('email') && actor.kind === 'user' && !bot) info.email = actor.user.email;
    if (props.includes('hasmsg')) info.messages = false;
    if (props.includes('options')) info.options = { language: actor.kind === 'user' ? (actor.user.locale ?? 'fr-CA').slice(0, 2) : 'fr' };
    if (props.includes('cancreateaccount')) info.cancreateaccount = false;
    return { userinfo: info };
  },
};
