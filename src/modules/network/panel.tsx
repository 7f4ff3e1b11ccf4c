import type { RequestContext } from '../../core/http/context.ts';
import { titleUrl, type Title } from '../markup/index.ts';
import { JsonLdScript, organisationJsonLd, personJsonLd, projectJsonLd, rencontreJsonLd } from './jsonld.ts';
import type { PagePanel } from '../wiki/index.ts';
import { readChantier } from './chantier.ts';
import { continuityService } from './continuity.ts';
import { continuityViews } from './routes-continuity.ts';
import { readOrganisation } from './organisation.ts';
import { seesPrivatePeople, type NetworkDeps } from './service.ts';
import { networkStore } from './store.ts';
import { readRencontre } from './rencontre.ts';
import { readLearning } from './learning.ts';
import { readProject } from './project.ts';
import { NS_CHANTIER, NS_LEARNING, NS_ORGANISATION, NS_PERSON, NS_PROJECT, NS_RENCONTRE } from './types.ts';
import { PersonInfobox } from './views/people.tsx';
import { orgUrl, personUrl } from './views/urls.ts';
import { LearningInfobox } from './views/learnings.tsx';
import { ProjectInfobox } from './views/projects.tsx';
import { ChantierInfobox } from './views/chantiers.tsx';
import { OrganisationInfobox } from './views/organisations.tsx';
import { RencontreInfobox } from './views/rencontres.tsx';

/** The infobox shown above an entity page's text, from its projection, for this reader. */
export function infoboxPanels(deps: NetworkDeps, publicUrl: string): Array<[number, PagePanel]> {
  const store = networkStore(deps.db, deps.engine);
  const continuity = continuityService(deps);
  const views = continuityViews(continuity, () => deps.clock.now());
  const pageUrl = (title: Title) => `${publicUrl.replace(/\/$/, '')}${titleUrl(title)}`;
  const pageAndRev = async (title: Title) => {
    const page = await deps.wiki.page(title);
    const rev = page ? await deps.wiki.revision(page.latestRevId) : undefined;
    return page && rev ? { page, rev } : undefined;
  };
  const organisation: PagePanel = async (title: Title, ctx: RequestContext) => {
    const found = await pageAndRev(title);
    const o = found && (await store.organisation(found.page.id));
    if (!found || !o) return undefined;
    const hosted = await store.people({ all: seesPrivatePeople(ctx.actor), organisation: o.pageId });
    const problems = readOrganisation(found.rev.content, title.text).problems.length > 0;
    return { before: OrganisationInfobox({ ctx, o, hosted, problems }).html + JsonLdScript({ data: organisationJsonLd(o, pageUrl(title)) }).html, after: '' };
  };
  const chantier: PagePanel = async (title: Title, ctx: RequestContext) => {
    const found = await pageAndRev(title);
    const c = found && (await store.chantier(found.page.id));
    if (!found || !c) return undefined;
    const [members, { last }] = await Promise.all([store.members(c.pageId), store.status(c.pageId)]);
    const mine = ctx.actor.kind === 'user' ? await store.membership(c.pageId, ctx.actor.user.id) : undefined;
    const problems = readChantier(found.rev.content, title.text).problems.length > 0;
    // The latest closed evaluation round and the latest decided vote, with links to their pages.
    const lastRound = (await continuity.store.rounds(c.pageId)).find((r) => r.closedAt !== null);
    const decided = (await Promise.all((await continuity.store.votes(c.pageId)).slice(0, 3).map((v) => views.vote(v, undefined)))).find((v) => v.outcome !== 'open');
    const round = lastRound ? await views.round(lastRound) : undefined;
    return { before: ChantierInfobox({ ctx, c, members, last, mine, problems, evaluation: { lastRound: round, lastVote: decided } }).html, after: '' };
  };
  const rencontre: PagePanel = async (title: Title, ctx: RequestContext) => {
    const found = await pageAndRev(title);
    const r = found && (await store.rencontre(found.page.id));
    if (!found || !r) return undefined;
    const problems = readRencontre(found.rev.content, title.text).problems.length > 0;
    return { before: RencontreInfobox({ ctx, r, problems }).html + JsonLdScript({ data: rencontreJsonLd(r, pageUrl(title)) }).html, after: '' };
  };
  const project: PagePanel = async (title: Title, ctx: RequestContext) => {
    const found = await pageAndRev(title);
    const p = found && (await store.project(found.page.id));
    if (!found || !p) return undefined;
    return { before: ProjectInfobox({ ctx, p, problems: readProject(found.rev.content, title.text).problems.length > 0 }).html + JsonLdScript({ data: projectJsonLd(p, pageUrl(title)) }).html, after: '' };
  };
  const learning: PagePanel = async (title: Title, ctx: RequestContext) => {
    const found = await pageAndRev(title);
    const l = found && (await store.learning(found.page.id));
    if (!found || !l) return undefined;
    return { before: LearningInfobox({ ctx, l, problems: readLearning(found.rev.content, title.text).problems.length > 0 }).html, after: '' };
  };
  // A person's page: their fields from the row, and JSON-LD, only while they are public (a private person's page is hidden anyway).
  const person: PagePanel = async (title: Title, ctx: RequestContext) => {
    const page = await deps.wiki.page(title);
    const p = page && (await store.person({ pageId: page.id }));
    if (!p || !p.public) return undefined;
    const chantiers = p.userId === null ? [] : await store.chantiersOf(p.userId);
    const base = publicUrl.replace(/\/$/, '');
    const data = personJsonLd(p, pageUrl(title), ctx.t(`network.person.role.${p.role}`), (t) => base + orgUrl(t), base + personUrl(p.slug));
    return { before: PersonInfobox({ ctx, p, chantiers }).html + JsonLdScript({ data }).html, after: '' };
  };
  return [[NS_ORGANISATION, organisation], [NS_CHANTIER, chantier], [NS_RENCONTRE, rencontre], [NS_PROJECT, project], [NS_LEARNING, learning], [NS_PERSON, person]];
}
