import { sql } from 'kysely';
import type { Engine } from '../../core/db/index.ts';
import type { Executor } from '../../core/events.ts';
import type { ChantierFields } from './chantier.ts';
import { isStatus, type ChantierStatus } from './lifecycle.ts';
import { peopleStore } from './people-store.ts';
import type { OrganisationFields } from './organisation.ts';
import type { RencontreFields } from './rencontre.ts';
import type { ProjectFields } from './project.ts';
import type { LearningFields } from './learning.ts';

export interface OrganisationRow extends OrganisationFields {
  pageId: number;
  revId: number;
  /** Page title in key form, without the namespace. */
  title: string;
  updatedAt: number;
}

export interface ChantierRow extends ChantierFields {
  pageId: number;
  revId: number;
  title: string;
  status: ChantierStatus;
  members: number;
  followers: number;
  updatedAt: number;
}

export interface TransitionRow {
  id: number;
  from: ChantierStatus;
  to: ChantierStatus;
  userId: number | null;
  authorName: string;
  note: string;
  createdAt: number;
}

export interface MemberRow {
  userId: number;
  name: string;
  kind: 'member' | 'follower';
  since: number;
  /** The member's person in the directory, if any, and whether it is public. */
  personSlug: string | null;
  personPublic: boolean;
}

export interface RencontreRow extends RencontreFields {
  pageId: number;
  revId: number;
  title: string;
  updatedAt: number;
}

export interface ProjectRow extends ProjectFields {
  pageId: number;
  title: string;
  updatedAt: number;
}

export interface LearningRow extends LearningFields {
  pageId: number;
  title: string;
  updatedAt: number;
}

type OrgDb = { page_id: number; rev_id: number; title: string; name: string; kind: string; region: string | null; sectors: string; website: string | null; wikidata: string | null; updated_at: number };

function toOrganisation(r: OrgDb): OrganisationRow {
  return {
    pageId: r.page_id, revId: r.rev_id, title: r.title, name: r.name, kind: r.kind as OrganisationRow['kind'], region: r.region ?? undefined,
    sectors: JSON.parse(r.sectors) as string[], website: r.website ?? undefined, wikidata: r.wikidata ?? undefined, updatedAt: Number(r.updated_at),
  };
}

const STATUS = sql<string>`coalesce((select t.to_status from network_chantier_transitions t where t.page_id = network_chantiers.page_id order by t.id desc limit 1), 'ideation')`;

/** The network's SQL, both engines. Every function takes the executor it must use (a transaction, the event's). */
export function networkStore(db: Executor, engine: Engine = 'sqlite') {
  return {
    async projectOrganisation(pageId: number, revId: number, title: string, f: OrganisationFields, now: number): Promise<void> {
      const row = { rev_id: revId, title, name: f.name, kind: f.kind, region: f.region ?? null, sectors: JSON.stringify(f.sectors), website: f.website ?? null, wikidata: f.wikidata ?? null, updated_at: now };
      await db.insertInto('network_organisations').values({ page_id: pageId, ...row }).onConflict((oc) => oc.column('page_id').doUpdateSet(row)).execute();
      await db.deleteFrom('network_organisation_sectors').where('page_id', '=', pageId).execute();
      const sectors = [...new Set(f.sectors)];
      if (sectors.length > 0) await db.insertInto('network_organisation_sectors').values(sectors.map((sector) => ({ page_id: pageId, sector }))).execute();
    },

    async projectChantier(pageId: number, revId: number, title: string, f: ChantierFields, now: number): Promise<void> {
      const row = { rev_id: revId, title, name: f.name, kind: f.kind, definition: f.definition, fields: JSON.stringify(f), updated_at: now };
      await db.insertInto('network_chantiers').values({ page_id: pageId, ...row }).onConflict((oc) => oc.column('page_id').doUpdateSet(row)).execute();
    },

    async projectRencontre(pageId: number, revId: number, title: string, f: RencontreFields, now: number): Promise<void> {
      const row = { rev_id: revId, title, name: f.name, starts_on: f.start ?? null, ends_on: f.end ?? f.start ?? null, online: f.online ? 1 : 0, fields: JSON.stringify(f), updated_at: now };
      await db.insertInto('network_rencontres').values({ page_id: pageId, ...row }).onConflict((oc) => oc.column('page_id').doUpdateSet(row)).execute();
    },

    /** Rencontres, most recent first; `from`: only those ending on or after this day (upcoming), `before`: only those ended before it. */
    async rencontres(filter: { from?: string; before?: string; online?: boolean } = {}): Promise<RencontreRow[]> {
      let q = db.selectFrom('network_rencontres').select(['page_id', 'rev_id', 'title', 'fields', 'updated_at', 'starts_on']);
      if (filter.from) q = q.where('ends_on', '>=', filter.from);
      if (filter.before) q = q.where('ends_on', '<', filter.before);
      if (filter.online !== undefined) q = q.where('online', '=', filter.online ? 1 : 0);
      const rows = await q.orderBy('starts_on', 'desc').orderBy('page_id').execute();
      return rows.map((r) => ({ ...(JSON.parse(r.fields) as RencontreFields), pageId: r.page_id, revId: r.rev_id, title: r.title, updatedAt: Number(r.updated_at) }));
    },

    async rencontre(pageId: number): Promise<RencontreRow | undefined> {
      const r = await db.selectFrom('network_rencontres').select(['page_id', 'rev_id', 'title', 'fields', 'updated_at']).where('page_id', '=', pageId).executeTakeFirst();
      return r ? { ...(JSON.parse(r.fields) as RencontreFields), pageId: r.page_id, revId: r.rev_id, title: r.title, updatedAt: Number(r.updated_at) } : undefined;
    },

    async projectProject(pageId: number, revId: number, title: string, f: ProjectFields, now: number): Promise<void> {
      const row = { rev_id: revId, title, name: f.name, collective: f.collective ? 1 : 0, axes: ` ${f.axes.join(' ')} `, fields: JSON.stringify(f), updated_at: now };
      await db.insertInto('network_projects').values({ page_id: pageId, ...row }).onConflict((oc) => oc.column('page_id').doUpdateSet(row)).execute();
    },

    async projects(filter: { axis?: string; collective?: boolean } = {}): Promise<ProjectRow[]> {
      let q = db.selectFrom('network_projects').select(['page_id', 'title', 'fields', 'updated_at']);
      if (filter.axis) q = q.where('axes', 'like', `% ${filter.axis} %`);
      if (filter.collective !== undefined) q = q.where('collective', '=', filter.collective ? 1 : 0);
      const rows = await q.execute();
      return rows.map((r) => ({ ...(JSON.parse(r.fields) as ProjectFields), pageId: r.page_id, title: r.title, updatedAt: Number(r.updated_at) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fr-CA'));
    },

    async project(pageId: number): Promise<ProjectRow | undefined> {
      const r = await db.selectFrom('network_projects').select(['page_id', 'title', 'fields', 'updated_at']).where('page_id', '=', pageId).executeTakeFirst();
      return r ? { ...(JSON.parse(r.fields) as ProjectFields), pageId: r.page_id, title: r.title, updatedAt: Number(r.updated_at) } : undefined;
    },

    async projectLearning(pageId: number, revId: number, title: string, f: LearningFields, now: number): Promise<void> {
      const row = { rev_id: revId, title, axis: f.axis ?? null, kind: f.kind ?? null, fields: JSON.stringify(f), updated_at: now };
      await db.insertInto('network_learnings').values({ page_id: pageId, ...row }).onConflict((oc) => oc.column('page_id').doUpdateSet(row)).execute();
    },

    async learnings(filter: { axis?: string; kind?: string } = {}): Promise<LearningRow[]> {
      let q = db.selectFrom('network_learnings').select(['page_id', 'title', 'fields', 'updated_at']);
      if (filter.axis) q = q.where('axis', '=', filter.axis);
      if (filter.kind) q = q.where('kind', '=', filter.kind);
      const rows = await q.execute();
      return rows.map((r) => ({ ...(JSON.parse(r.fields) as LearningFields), pageId: r.page_id, title: r.title, updatedAt: Number(r.updated_at) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fr-CA'));
    },

    async learning(pageId: number): Promise<LearningRow | undefined> {
      const r = await db.selectFrom('network_learnings').select(['page_id', 'title', 'fields', 'updated_at']).where('page_id', '=', pageId).executeTakeFirst();
      return r ? { ...(JSON.parse(r.fields) as LearningFields), pageId: r.page_id, title: r.title, updatedAt: Number(r.updated_at) } : undefined;
    },

    async removeProjections(pageId: number): Promise<void> {
      await db.deleteFrom('network_projects').where('page_id', '=', pageId).execute();
      await db.deleteFrom('network_learnings').where('page_id', '=', pageId).execute();
      await db.deleteFrom('network_rencontres').where('page_id', '=', pageId).execute();
      await db.deleteFrom('network_organisation_sectors').where('page_id', '=', pageId).execute();
      await db.deleteFrom('network_organisations').where('page_id', '=', pageId).execute();
      await db.deleteFrom('network_chantiers').where('page_id', '=', pageId).execute();
    },

    async organisations(filter: { region?: string; kind?: string; sector?: string } = {}): Promise<OrganisationRow[]> {
      let q = db.selectFrom('network_organisations').selectAll();
      if (filter.region) q = q.where('region', '=', filter.region);
      if (filter.kind) q = q.where('kind', '=', filter.kind);
      if (filter.sector) {
        const sector = filter.sector;
        q = q.where('page_id', 'in', (eb) => eb.selectFrom('network_organisation_sectors').select('page_id').where('sector', '=', sector));
      }
      const rows = await q.execute();
      return rows.map(toOrganisation).sort((a, b) => a.name.localeCompare(b.name, 'fr-CA'));
    },

    async organisation(pageId: number): Promise<OrganisationRow | undefined> {
      const r = await db.selectFrom('network_organisations').selectAll().where('page_id', '=', pageId).executeTakeFirst();
      return r ? toOrganisation(r) : undefined;
    },

    async sectors(): Promise<string[]> {
      const rows = await db.selectFrom('network_organisation_sectors').select('sector').distinct().execute();
      return rows.map((r) => r.sector).sort((a, b) => a.localeCompare(b, 'fr-CA'));
    },

    async chantiers(filter: { status?: string; kind?: string; pageId?: number } = {}): Promise<ChantierRow[]> {
      let q = db
        .selectFrom('network_chantiers')
        .select(['page_id', 'rev_id', 'title', 'fields', 'updated_at'])
        .select(STATUS.as('status'))
        .select((eb) => [
          eb.selectFrom('network_chantier_members as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.page_id', '=', 'network_chantiers.page_id').where('m.kind', '=', 'member').as('members'),
          eb.selectFrom('network_chantier_members as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.page_id', '=', 'network_chantiers.page_id').where('m.kind', '=', 'follower').as('followers'),
        ]);
      if (filter.kind) q = q.where('kind', '=', filter.kind);
      if (filter.pageId !== undefined) q = q.where('page_id', '=', filter.pageId);
      if (filter.status) q = q.where(STATUS, '=', filter.status);
      const rows = await q.execute();
      return rows
        .map((r) => ({
          ...(JSON.parse(r.fields) as ChantierFields), pageId: r.page_id, revId: r.rev_id, title: r.title,
          status: isStatus(r.status) ? r.status : 'ideation', members: Number(r.members ?? 0), followers: Number(r.followers ?? 0), updatedAt: Number(r.updated_at),
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fr-CA'));
    },

    async chantier(pageId: number): Promise<ChantierRow | undefined> {
      return (await this.chantiers({ pageId }))[0];
    },

    async status(pageId: number, opts: { lock?: boolean } = {}): Promise<{ status: ChantierStatus; last: TransitionRow | undefined }> {
      if (opts.lock && engine === 'postgres') await db.selectFrom('pages').select('id').where('id', '=', pageId).forUpdate().execute();
      const last = (await this.transitions(pageId, 1))[0];
      return { status: last?.to ?? 'ideation', last };
    },

    async transitions(pageId: number, limit = 100): Promise<TransitionRow[]> {
      const rows = await db.selectFrom('network_chantier_transitions').selectAll().where('page_id', '=', pageId).orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id, from: isStatus(r.from_status) ? r.from_status : 'ideation', to: isStatus(r.to_status) ? r.to_status : 'ideation',
        userId: r.user_id, authorName: r.author_name, note: r.note, createdAt: Number(r.created_at),
      }));
    },

    async addTransition(pageId: number, from: ChantierStatus, to: ChantierStatus, user: { id: number | null; name: string }, note: string, now: number): Promise<void> {
      await db.insertInto('network_chantier_transitions').values({ page_id: pageId, from_status: from, to_status: to, user_id: user.id, author_name: user.name, note, created_at: now }).execute();
    },

    async members(pageId: number): Promise<MemberRow[]> {
      const rows = await db
        .selectFrom('network_chantier_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .leftJoin('network_people as p', 'p.user_id', 'm.user_id')
        .select(['m.user_id', 'm.kind', 'm.since', 'u.name', 'p.slug', 'p.public', 'p.name as person_name'])
        .where('m.page_id', '=', pageId)
        .execute();
      return rows
        .map((r) => ({ userId: r.user_id, name: r.person_name ?? r.name, kind: r.kind, since: Number(r.since), personSlug: r.slug, personPublic: r.public === 1 }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fr-CA'));
    },

    /** The chantiers a user takes part in (member) or follows, by name. */
    async chantiersOf(userId: number): Promise<Array<{ title: string; name: string; kind: 'member' | 'follower' }>> {
      const rows = await db
        .selectFrom('network_chantier_members as m')
        .innerJoin('network_chantiers as c', 'c.page_id', 'm.page_id')
        .select(['c.title', 'c.name', 'm.kind'])
        .where('m.user_id', '=', userId)
        .execute();
      return rows.sort((a, b) => a.name.localeCompare(b.name, 'fr-CA'));
    },

    async membership(pageId: number, userId: number): Promise<'member' | 'follower' | undefined> {
      const r = await db.selectFrom('network_chantier_members').select('kind').where('page_id', '=', pageId).where('user_id', '=', userId).executeTakeFirst();
      return r?.kind;
    },

    async setMembership(pageId: number, userId: number, kind: 'member' | 'follower' | null, now: number): Promise<void> {
      if (kind === null) {
        await db.deleteFrom('network_chantier_members').where('page_id', '=', pageId).where('user_id', '=', userId).execute();
        return;
      }
      await db.insertInto('network_chantier_members').values({ page_id: pageId, user_id: userId, kind, since: now })
        .onConflict((oc) => oc.columns(['page_id', 'user_id']).doUpdateSet({ kind, since: now })).execute();
    },

    ...peopleStore(db),
  };
}

export type NetworkStore = ReturnType<typeof networkStore>;
