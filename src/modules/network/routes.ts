import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../core/errors.ts';
import { formAction } from '../../core/http/forms.ts';
import { formBody, formString, redirectWithNotice, sendPage, typedValues } from '../../core/http/render.ts';
import { formatDateIso } from '../../core/i18n/index.ts';
import { EMPTY_FORM, type FormState } from '../../core/layout/components.tsx';
import { parseForm } from '../../core/validation.ts';
import { authorize, can } from '../accounts/index.ts';
import { parseTitle, titleUrl } from '../markup/index.ts';
import { personCsv, personRecords, sendCsv, sendJson, toCsv } from './export.ts';
import { calendar } from './ical.ts';
import { COORDINATE, CONTRIBUTE, isStatus, nextStatuses } from './lifecycle.ts';
import { personForm, personValues } from './person.ts';
import { PORTRAIT_SLUGS, portrait } from './portrait.ts';
import { mayEditPerson, seesPrivatePeople, type NetworkDeps, type NetworkService } from './service.ts';
import { NAMESPACE_NAMES, NS_CHANTIER } from './types.ts';
import { LifecyclePage } from './views/chantiers.tsx';
import { valuesOf } from './views/common.tsx';
import { NetworkHome } from './views/home.tsx';
import { EraseForm, PeopleList, PersonForm, PersonPage } from './views/people.tsx';
import { hiddenPageHtml } from './person-view.ts';
import { PortraitPage, rowLabel } from './views/portrait.tsx';
import { rencontreUrl } from './views/urls.ts';

type Query = Record<string, string | undefined>;

/** The filters of a list that are set, for the form and the export links. */
function filters(query: Query, names: readonly string[]): { values: Record<string, string>; qs: string } {
  const values: Record<string, string> = {};
  for (const n of names) if (typeof query[n] === 'string' && query[n] !== '') values[n] = query[n];
  return { values, qs: new URLSearchParams(values).toString() };
}

function wildcard(request: FastifyRequest): string {
  return ((request.params as { '*'?: string })['*'] ?? '').replace(/ /g, '_');
}

/** The overview, a chantier's lifecycle and membership, the rencontres' calendar, and people. */
export function networkRoutes(deps: NetworkDeps, service: NetworkService, publicUrl: string) {
  const { store } = service;
  const base = publicUrl.replace(/\/$/, '');

  async function latest(namespace: number, key: string) {
    const t = parseTitle(`${NAMESPACE_NAMES[namespace] ?? ''}:${key}`);
    if (!t.ok || t.title.namespace !== namespace) throw new AppError('not_found');
    const page = await deps.wiki.page(t.title);
    const rev = page ? await deps.wiki.revision(page.latestRevId) : undefined;
    if (!page || !rev) throw new AppError('not_found');
    return { title: t.title, page, rev };
  }

  return async (app: FastifyInstance) => {
    app.get('/reseau', async (request, reply) => sendPage(reply, NetworkHome({ ctx: request.ctx })));

    // The portrait: aggregate counts (people included, public or not: counts reveal no one), each chart with its CSV.
    app.get('/reseau/portrait', async (request, reply) => sendPage(reply, PortraitPage({ ctx: request.ctx, charts: await portrait(store) })));
    app.get('/reseau/portrait/:file', async (request, reply) => {
      const slug = /^(.+)\.csv$/.exec((request.params as { file: string }).file)?.[1];
      const chart = slug && (PORTRAIT_SLUGS as readonly string[]).includes(slug) ? (await portrait(store)).find((c) => c.slug === slug) : undefined;
      if (!chart) throw new AppError('not_found');
      const { ctx } = request;
      return sendCsv(reply, `portrait-${slug}`, toCsv(['code', 'label', 'count', 'total'], chart.rows.map((r) => [r.code, rowLabel(ctx, r), r.count, chart.total])));
    });

    // Lifecycle: the page shows the steps and history, and offers the moves this person may make.
    const lifecycle = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
      const { page } = await latest(NS_CHANTIER, wildcard(request));
      const c = await store.chantier(page.id);
      if (!c) throw new AppError('not_found');
      const { actor } = request.ctx;
      const member = actor.kind === 'user' && (await store.membership(page.id, actor.user.id)) === 'member';
      const next = nextStatuses(c.status, { coordinates: can(actor, COORDINATE), contributes: can(actor, CONTRIBUTE), member }, { hasLegacy: Boolean(c.legacy) });
      return sendPage(reply, LifecyclePage({ ctx: request.ctx, c, history: await store.transitions(page.id), next, form }), status);
    };
    // `?vers=closed`: the move a decision leads to (a passed « close » vote), preselected, still judged by the rules.
    app.get('/reseau/chantiers/cycle/*', async (request, reply) => {
      const to = (request.query as Query).vers;
      return lifecycle(request, reply, isStatus(to) ? { values: { to }, errors: {} } : EMPTY_FORM);
    });
    app.post('/reseau/chantiers/cycle/*', async (request, reply) => {
      const body = formBody(request);
      try {
        const { page } = await latest(NS_CHANTIER, wildcard(request));
        const to = formString(body.to);
        if (!isStatus(to)) throw new AppError('validation_failed', {}, { to: 'network.lifecycle.choose' });
        await service.transition(request.ctx.actor, page.id, formString(body.from), to, formString(body.note));
        return redirectWithNotice(reply, `/reseau/chantiers/cycle/${encodeURIComponent(wildcard(request)).replace(/%2F/g, '/')}`, 'saved');
      } catch (e) {
        // Refusals carry their reason (not a member, coordination only…): shown on the page, with its status.
        if (!isAppError(e) || !e.fields._form && !e.fields.to) throw e;
        return lifecycle(request, reply, { values: typedValues(body), errors: e.fields }, e.status);
      }
    });

    app.post('/reseau/chantiers/adhesion/*', async (request, reply) => {
      const { title, page } = await latest(NS_CHANTIER, wildcard(request));
      const action = formString(formBody(request).action);
      const kind = action === 'join' ? 'member' : action === 'follow' ? 'follower' : action === 'leave' ? null : undefined;
      if (kind === undefined) throw new AppError('bad_request');
      await service.setMembership(request.ctx.actor, page.id, kind);
      return redirectWithNotice(reply, titleUrl(title), 'network.membership.saved');
    });

    // The iCal feed of the rencontres to come.
    app.get('/reseau/rencontres.ics', async (request, reply) => {
      const now = deps.clock.now();
      const rows = (await store.rencontres({ from: formatDateIso(now) })).filter((r) => r.start).reverse();
      const host = new URL(base).host;
      const ics = calendar(request.ctx.t('network.rencontre.calendar'), rows.map((r) => ({
        uid: `rencontre-${r.pageId}@${host}`, start: r.start!, end: r.end ?? r.start!, summary: r.name,
        location: [r.place, r.online ? request.ctx.t('network.rencontre.online_short') : ''].filter(Boolean).join(' · ') || undefined,
        description: r.objectives.join('\n') || undefined, url: base + rencontreUrl(r.title), lastModified: r.updatedAt,
      })), now);
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'no-store').header('content-disposition', 'inline; filename="rencontres.ics"').send(ics);
    });
    // People: private by default; members with network.people.view see everyone.
    const peopleList = async (request: FastifyRequest) => {
      const f = filters(request.query as Query, ['role', 'portee', 'organisation']);
      const all = seesPrivatePeople(request.ctx.actor);
      const people = await store.people({ all, role: f.values.role, scope: f.values.portee, organisation: Number(f.values.organisation) || undefined });
      return { f, all, people };
    };
    app.get('/reseau/personnes', async (request, reply) => {
      const { f, all, people } = await peopleList(request);
      return sendPage(reply, PeopleList({ ctx: request.ctx, people, filter: f.values, orgs: await store.organisations(), query: f.qs, seesAll: all }));
    });
    app.get('/reseau/personnes.json', async (request, reply) => {
      const { all, people } = await peopleList(request);
      return sendJson(reply, 'personnes', personRecords(people, base, all));
    });
    app.get('/reseau/personnes.csv', async (request, reply) => {
      const { all, people } = await peopleList(request);
      return sendCsv(reply, 'personnes', personCsv(people, base, all));
    });

    app.get('/reseau/personnes/nouvelle', async (request, reply) => {
      if (!can(request.ctx.actor, COORDINATE)) throw new AppError(request.ctx.actor.kind === 'user' ? 'forbidden' : 'login_required');
      return sendPage(reply, PersonForm({ ctx: request.ctx, form: { values: { role: 'agent' }, errors: {} }, orgs: await store.organisations(), hosts: new Set() }));
    });
    app.post('/reseau/personnes/nouvelle', async (request, reply) => {
      const body = formBody(request);
      return formAction(request, reply, async () => {
        const slug = await service.createPerson(request.ctx.actor, parseForm(personForm, body));
        return redirectWithNotice(reply, `/reseau/personnes/${encodeURIComponent(slug)}`, 'saved');
      }, async (form, status) => sendPage(reply, PersonForm({ ctx: request.ctx, form, orgs: await store.organisations(), hosts: valuesOf(body.hosts) }), status));
    });

    /** The person, if this reader may see them; a private person is simply not there for others. */
    const visiblePerson = async (request: FastifyRequest) => {
      const slug = (request.params as { slug: string }).slug;
      const p = await store.person({ slug });
      const { actor } = request.ctx;
      if (!p || !(p.public || seesPrivatePeople(actor) || mayEditPerson(actor, p.userId))) throw new AppError('not_found');
      return p;
    };
    app.get('/reseau/personnes/:slug', async (request, reply) => {
      const p = await visiblePerson(request);
      const { ctx } = request;
      const chantiers = p.userId === null ? [] : await store.chantiersOf(p.userId);
      const coordinates = can(ctx.actor, COORDINATE);
      const hiddenPage = coordinates && p.pageId !== null && p.pageTitle === null ? await hiddenPageHtml(deps, p.pageId, ctx) : undefined;
      return sendPage(reply, PersonPage({ ctx, p, canEdit: mayEditPerson(ctx.actor, p.userId), canErase: coordinates, chantiers, hiddenPage }));
    });
    // Erasure (Loi 25): coordination confirms, then the row and the person's pages go for good.
    app.get('/reseau/personnes/:slug/effacer', async (request, reply) => {
      const p = await visiblePerson(request);
      authorize(request.ctx.actor, COORDINATE);
      return sendPage(reply, EraseForm({ ctx: request.ctx, p }));
    });
    app.post('/reseau/personnes/:slug/effacer', async (request, reply) => {
      const p = await visiblePerson(request);
      await service.erasePerson(request.ctx.actor, p.id);
      return redirectWithNotice(reply, '/reseau/personnes', 'network.person.erased');
    });
    app.get('/reseau/personnes/:slug/modifier', async (request, reply) => {
      const p = await visiblePerson(request);
      if (!mayEditPerson(request.ctx.actor, p.userId)) throw new AppError(request.ctx.actor.kind === 'user' ? 'forbidden' : 'login_required');
      const hosts = new Set(p.hosts.map((h) => String(h.pageId)));
      return sendPage(reply, PersonForm({ ctx: request.ctx, form: { values: personValues(p), errors: {} }, orgs: await store.organisations(), hosts, editing: p }));
    });
    app.post('/reseau/personnes/:slug/modifier', async (request, reply) => {
      const p = await visiblePerson(request);
      const body = formBody(request);
      return formAction(request, reply, async () => {
        await service.updatePerson(request.ctx.actor, p.id, parseForm(personForm, body));
        return redirectWithNotice(reply, `/reseau/personnes/${encodeURIComponent(p.slug)}`, 'saved');
      }, async (form, status) => sendPage(reply, PersonForm({ ctx: request.ctx, form, orgs: await store.organisations(), hosts: valuesOf(body.hosts), editing: p }), status));
    });
  };
}
