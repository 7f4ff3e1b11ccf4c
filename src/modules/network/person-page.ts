import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { Executor } from '../../core/events.ts';
import { DEFAULT_LOCALE, translate } from '../../core/i18n/index.ts';
import { authorize, can } from '../accounts/index.ts';
import { parseTitle, subjectOf, talkOf, titleFromStored, type Title } from '../markup/index.ts';
import type { SaveGuard } from '../wiki/index.ts';
import { COORDINATE } from './lifecycle.ts';
import { peopleStore } from './people-store.ts';
import { mayEditPerson } from './people-policy.ts';
import type { NetworkDeps } from './service.ts';
import { NS_PERSON } from './types.ts';

/**
 * A public person's `Personne:` wiki page (docs/network.md, *People*): free text with the wiki's
 * history, while the personal fields stay in the row. Opting in makes (or shows again) the page,
 * opting out hides it, erasure purges it with its talk page and every revision.
 */

/** `Personne:<name>`, or undefined when the name makes no valid title there. */
export function personTitle(name: string): Title | undefined {
  const t = parseTitle(`Personne:${name}`);
  return t.ok && t.title.namespace === NS_PERSON && !t.title.fragment ? t.title : undefined;
}

/** The person a `Personne:` title belongs to: the one linked to a page there, or a public person without a page yet whose name it is. */
async function personOfTitle(db: Executor, subject: Title): Promise<{ public: number; user_id: number | null } | undefined> {
  const linked = await db
    .selectFrom('network_people as p')
    .innerJoin('pages as g', 'g.id', 'p.page_id')
    .select(['p.public', 'p.user_id'])
    .where('g.namespace', '=', NS_PERSON)
    .where('g.title', '=', subject.text.replace(/ /g, '_'))
    .executeTakeFirst();
  if (linked) return linked;
  const candidate = (await peopleStore(db).publicWithoutPage()).find((p) => personTitle(p.name)?.key === subject.key);
  return candidate ? { public: 1, user_id: candidate.user_id } : undefined;
}

/**
 * Who may write in `Personne:` (and its talk namespace): only about a person with a public
 * profile; the page itself only by that person or coordination, its talk page by anyone who edits.
 */
export const personPageGuard: SaveGuard = async (db, actor, title) => {
  const person = await personOfTitle(db, subjectOf(title));
  if (!person || person.public !== 1) return 'network.person.page.refused_private';
  if (title.namespace === NS_PERSON && !mayEditPerson(actor, person.user_id)) return 'network.person.page.refused_editor';
  return undefined;
};

/** The person acting on their own record may lack `pages.edit` (a partner with a reader account): their page is still theirs to create. */
function asPageEditor(actor: Actor): Actor {
  if (actor.kind !== 'user' || can(actor, 'pages.edit')) return actor;
  return { ...actor, user: { ...actor.user, role: 'contributor' } };
}

export function personPages(deps: NetworkDeps) {
  const store = peopleStore(deps.db);
  const pageRow = (id: number) => deps.db.selectFrom('pages').select(['id', 'namespace', 'title', 'deleted_at']).where('id', '=', id).executeTakeFirst();
  const withTalk = (t: Title | undefined): Title[] => (t ? [t, ...[talkOf(t)].filter((x): x is Title => x !== undefined)] : []);

  return {
    /**
     * After a person's row changed: opted in, their page exists and is shown; opted out, it is
     * hidden with its talk page. `wasPublic`: only a person who was private brings a hidden page
     * back, so a page the moderators deleted stays deleted when a public person edits their entry.
     */
    async sync(actor: Actor, personId: number, wasPublic: boolean): Promise<void> {
      const p = await store.person({ id: personId });
      if (!p) return;
      const page = p.pageId === null ? undefined : await pageRow(p.pageId);
      const title = page ? titleFromStored(page.namespace, page.title) : undefined;
      if (!p.public) {
        if (page && page.deleted_at === null) await deps.wiki.hide(withTalk(title));
        return;
      }
      if (page && title) {
        if (page.deleted_at === null || wasPublic) return;
        const talk = talkOf(title);
        const hiddenTalk = talk ? (await deps.wiki.deletedPages(talk))[0] : undefined;
        await deps.wiki.unhide([page.id, ...(hiddenTalk ? [hiddenTalk.id] : [])]);
        return;
      }
      const fresh = personTitle(p.name);
      if (!fresh) return;
      const existing = await deps.wiki.page(fresh);
      if (existing) {
        if (!(await store.person({ pageId: existing.id }))) await store.setPageId(p.id, existing.id);
        return;
      }
      const text = p.bio.trim() || translate(DEFAULT_LOCALE, 'network.person.page.stub', { name: p.name });
      const r = await deps.wiki.save(asPageEditor(actor), { title: fresh, text, summary: translate(DEFAULT_LOCALE, 'network.person.page.summary'), minor: false, baseRevId: null });
      if (r.kind === 'saved') await store.setPageId(p.id, r.page.id);
    },

    /**
     * Erasure (Loi 25): the person's pages (the linked one, and any at their name, with talk pages)
     * are purged with every revision, then the row. The log entry names no one.
     */
    async erase(actor: Actor, personId: number): Promise<void> {
      authorize(actor, COORDINATE);
      const p = await store.person({ id: personId });
      if (!p) throw new AppError('not_found');
      const page = p.pageId === null ? undefined : await pageRow(p.pageId);
      const titles = [...withTalk(page ? titleFromStored(page.namespace, page.title) : undefined), ...withTalk(personTitle(p.name))];
      const logTitle = personTitle(translate(DEFAULT_LOCALE, 'network.person.erased_title', { id: p.id }));
      if (logTitle) await deps.wiki.purge(actor, { titles, ids: p.pageId === null ? [] : [p.pageId] }, logTitle, translate(DEFAULT_LOCALE, 'network.person.erased_comment'));
      await store.deletePerson(p.id);
    },
  };
}
