import type { Actor } from '../../core/actor.ts';
import type { Db, Engine } from '../../core/db/index.ts';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { authorize, can } from '../accounts/index.ts';
import { parseTitle, type Title } from '../markup/index.ts';
import type { Wiki } from '../wiki/index.ts';
import { continuityService } from './continuity.ts';
import { splitPage } from './fields.ts';
import { COORDINATE, CONTRIBUTE, judgeTransition, type ChantierStatus } from './lifecycle.ts';
import { slugify, type PersonInput } from './person.ts';
import { mayEditPerson } from './people-policy.ts';
import { personPages } from './person-page.ts';
import { networkStore } from './store.ts';
import { NAMESPACE_NAMES } from './types.ts';

export { mayEditPerson, seesPrivatePeople } from './people-policy.ts';

export interface NetworkDeps {
  db: Db;
  engine: Engine;
  clock: Clock;
  wiki: Wiki;
}

export interface EntitySave {
  namespace: number;
  /** The existing page's title text; absent when creating. */
  existing?: string;
  /** The entity's name: the title of a new page. */
  name: string;
  /** The page source for the body kept (or the new page's text). */
  source: (body: string) => string;
  baseRevId: number | null;
  summary: string;
  /** Free text of a new page. */
  body?: string;
}

const notMember = (code: 'login_required' | 'forbidden' | 'validation_failed', key: string) => new AppError(code, {}, { _form: key });

/** The network's commands: each takes the actor and checks the policy and the module's rules. */
export function networkService(deps: NetworkDeps) {
  const store = networkStore(deps.db, deps.engine);
  const pages = personPages(deps);

  function titleIn(namespace: number, text: string, field: string): Title {
    const parsed = parseTitle(`${NAMESPACE_NAMES[namespace] ?? ''}:${text}`);
    if (!parsed.ok || parsed.title.namespace !== namespace || parsed.title.fragment) throw new AppError('validation_failed', {}, { [field]: 'network.error.title' });
    return parsed.title;
  }

  return {
    store,
    /** The continuity grid's rounds and the decision votes (continuity.ts). */
    continuity: continuityService(deps),

    /** Saves an entity's fields as a new revision of its page, through the wiki (3-way merge on concurrent edits). */
    async saveEntity(actor: Actor, s: EntitySave): Promise<Title> {
      authorize(actor, CONTRIBUTE);
      if (s.existing === undefined) {
        const title = titleIn(s.namespace, s.name, 'name');
        if (await deps.wiki.page(title)) throw new AppError('validation_failed', {}, { name: 'network.error.exists' });
        const r = await deps.wiki.save(actor, { title, text: s.source(s.body ?? ''), summary: s.summary, minor: false, baseRevId: null });
        if (r.kind === 'conflict') throw new AppError('validation_failed', {}, { name: 'network.error.exists' });
        return title;
      }
      const title = titleIn(s.namespace, s.existing, '_form');
      const page = await deps.wiki.page(title);
      if (!page) throw new AppError('not_found');
      const base = s.baseRevId ? await deps.wiki.revision(s.baseRevId) : undefined;
      if (!base || base.pageId !== page.id) throw new AppError('validation_failed', {}, { _form: 'network.error.conflict' });
      const r = await deps.wiki.save(actor, { title, text: s.source(splitPage(base.content).body), summary: s.summary, minor: false, baseRevId: base.id });
      if (r.kind === 'conflict') throw new AppError('validation_failed', {}, { _form: 'network.error.conflict' });
      return title;
    },

    /** Moves a chantier through its lifecycle, if the rules let this person do it now. */
    async transition(actor: Actor, pageId: number, expectedFrom: string, to: ChantierStatus, note: string): Promise<void> {
      if (actor.kind !== 'user') throw new AppError('login_required');
      const user = actor.user;
      await deps.db.transaction().execute(async (trx) => {
        const s = networkStore(trx, deps.engine);
        const chantier = await s.chantier(pageId);
        if (!chantier) throw new AppError('not_found');
        const { status } = await s.status(pageId, { lock: true });
        if (status !== expectedFrom) throw notMember('validation_failed', 'network.lifecycle.moved');
        const member = (await s.membership(pageId, user.id)) === 'member';
        const verdict = judgeTransition(status, to, { coordinates: can(actor, COORDINATE), contributes: can(actor, CONTRIBUTE), member }, { hasLegacy: Boolean(chantier.legacy) });
        if (verdict === 'invalid' || verdict === 'legacy_required') throw notMember('validation_failed', `network.lifecycle.refused.${verdict}`);
        if (verdict !== 'allowed') throw notMember('forbidden', `network.lifecycle.refused.${verdict}`);
        await s.addTransition(pageId, status, to, { id: user.id, name: user.name }, note.trim().slice(0, 500), deps.clock.now());
      });
    },

    /** Joins (member), follows without joining (follower, « butiner »), or leaves a chantier. */
    async setMembership(actor: Actor, pageId: number, kind: 'member' | 'follower' | null): Promise<void> {
      if (actor.kind !== 'user') throw new AppError('login_required');
      if (kind === 'member') authorize(actor, CONTRIBUTE);
      if (kind === 'follower') authorize(actor, 'network.follow');
      if (!(await store.chantier(pageId))) throw new AppError('not_found');
      await store.setMembership(pageId, actor.user.id, kind, deps.clock.now());
    },

    /** Adds a person to the directory (the coordination team); private unless the input opts in. */
    async createPerson(actor: Actor, input: PersonInput, userId: number | null = null): Promise<string> {
      authorize(actor, COORDINATE);
      await checkHosts(input.hosts);
      const base = slugify(input.name);
      let slug = base === 'nouvelle' ? `${base}-1` : base;
      for (let i = 2; await store.slugTaken(slug); i++) slug = `${base}-${i}`;
      const id = await store.createPerson(slug, input, userId, deps.clock.now());
      await pages.sync(actor, id, false);
      return slug;
    },

    /** Changes a person: the coordination team, or the person themself (their own opt-in included). */
    async updatePerson(actor: Actor, id: number, input: PersonInput): Promise<void> {
      const person = await store.person({ id });
      if (!person) throw new AppError('not_found');
      if (!mayEditPerson(actor, person.userId)) throw new AppError(actor.kind === 'user' ? 'forbidden' : 'login_required');
      await checkHosts(input.hosts);
      await store.updatePerson(id, input, deps.clock.now());
      await pages.sync(actor, id, person.public);
    },

    /** Erases a person for good (coordination; Loi 25): their row and their wiki pages with every revision. */
    erasePerson: (actor: Actor, id: number) => pages.erase(actor, id),
  };

  async function checkHosts(ids: number[]): Promise<void> {
    for (const id of ids) if (!(await store.organisation(id))) throw new AppError('validation_failed', {}, { hosts: 'network.error.host' });
  }
}

export type NetworkService = ReturnType<typeof networkService>;
