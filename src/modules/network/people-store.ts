import type { Executor } from '../../core/events.ts';
import type { Person, PersonInput } from './person.ts';
import type { MandateScope, PersonRole } from './types.ts';

type PersonDb = { id: number; slug: string; user_id: number | null; name: string; role: string; scope: string | null; start_date: string | null; end_date: string | null; bio: string; public: number; page_id: number | null };

/** People's SQL (both engines): rows only, never page revisions (see person.ts). */
export function peopleStore(db: Executor) {
  async function withHosts(rows: PersonDb[]): Promise<Person[]> {
    if (rows.length === 0) return [];
    const hosts = await db
      .selectFrom('network_person_hosts as h')
      .innerJoin('network_organisations as o', 'o.page_id', 'h.org_page_id')
      .select(['h.person_id', 'o.page_id', 'o.title', 'o.name'])
      .where('h.person_id', 'in', rows.map((r) => r.id))
      .execute();
    const pageIds = rows.flatMap((r) => (r.page_id === null ? [] : [r.page_id]));
    const pages = pageIds.length === 0 ? [] : await db.selectFrom('pages').select(['id', 'title']).where('id', 'in', pageIds).where('deleted_at', 'is', null).execute();
    const pageTitles = new Map(pages.map((p) => [p.id, p.title]));
    return rows.map((r) => ({
      id: r.id, slug: r.slug, userId: r.user_id, name: r.name, role: r.role as PersonRole, scope: r.scope as MandateScope | null,
      startDate: r.start_date, endDate: r.end_date, bio: r.bio, public: r.public === 1, pageId: r.page_id, pageTitle: r.page_id === null ? null : pageTitles.get(r.page_id) ?? null,
      hosts: hosts.filter((h) => h.person_id === r.id).map((h) => ({ pageId: h.page_id, title: h.title, name: h.name })).sort((a, b) => a.name.localeCompare(b.name, 'fr-CA')),
    }));
  }

  async function setHosts(personId: number, orgPageIds: number[]): Promise<void> {
    await db.deleteFrom('network_person_hosts').where('person_id', '=', personId).execute();
    if (orgPageIds.length > 0) await db.insertInto('network_person_hosts').values(orgPageIds.map((org_page_id) => ({ person_id: personId, org_page_id }))).execute();
  }

  return {
    /** Role and mandate scope of every person, public or private: for aggregate counts only, no names. */
    async peopleFacets(): Promise<Array<{ role: string; scope: string | null }>> {
      return db.selectFrom('network_people').select(['role', 'scope']).execute();
    },

    /** People, public ones only unless `all`. */
    async people(filter: { all: boolean; role?: string; scope?: string; organisation?: number }): Promise<Person[]> {
      let q = db.selectFrom('network_people').selectAll();
      if (!filter.all) q = q.where('public', '=', 1);
      if (filter.role) q = q.where('role', '=', filter.role);
      if (filter.scope) q = q.where('scope', '=', filter.scope);
      if (filter.organisation) {
        const org = filter.organisation;
        q = q.where('id', 'in', (eb) => eb.selectFrom('network_person_hosts').select('person_id').where('org_page_id', '=', org));
      }
      const rows = await q.execute();
      const people = await withHosts(rows);
      return people.sort((a, b) => a.name.localeCompare(b.name, 'fr-CA'));
    },

    async person(where: { slug: string } | { id: number } | { userId: number } | { pageId: number }): Promise<Person | undefined> {
      let q = db.selectFrom('network_people').selectAll();
      q = 'slug' in where ? q.where('slug', '=', where.slug) : 'id' in where ? q.where('id', '=', where.id) : 'pageId' in where ? q.where('page_id', '=', where.pageId) : q.where('user_id', '=', where.userId);
      const row = await q.executeTakeFirst();
      return row ? (await withHosts([row]))[0] : undefined;
    },

    async slugTaken(slug: string): Promise<boolean> {
      return Boolean(await db.selectFrom('network_people').select('id').where('slug', '=', slug).executeTakeFirst());
    },

    async createPerson(slug: string, input: PersonInput, userId: number | null, now: number): Promise<number> {
      const row = await db.insertInto('network_people').values({
        slug, user_id: userId, name: input.name, role: input.role, scope: input.scope ?? null, start_date: input.startDate ?? null, end_date: input.endDate ?? null,
        bio: input.bio, public: input.public ? 1 : 0, created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      await setHosts(row.id, input.hosts);
      return row.id;
    },

    /** Public people who have no page yet (names and ids): the candidates for a new `Personne:` page. */
    async publicWithoutPage(): Promise<Array<{ id: number; name: string; user_id: number | null }>> {
      return db.selectFrom('network_people').select(['id', 'name', 'user_id']).where('public', '=', 1).where('page_id', 'is', null).execute();
    },

    async setPageId(id: number, pageId: number | null): Promise<void> {
      await db.updateTable('network_people').set({ page_id: pageId }).where('id', '=', id).execute();
    },

    /** Erases a person's row for good (their host links go with it). */
    async deletePerson(id: number): Promise<void> {
      await db.deleteFrom('network_people').where('id', '=', id).execute();
    },

    async updatePerson(id: number, input: PersonInput, now: number): Promise<void> {
      await db.updateTable('network_people').set({
        name: input.name, role: input.role, scope: input.scope ?? null, start_date: input.startDate ?? null, end_date: input.endDate ?? null,
        bio: input.bio, public: input.public ? 1 : 0, updated_at: now,
      }).where('id', '=', id).execute();
      await setHosts(id, input.hosts);
    },
  };
}
