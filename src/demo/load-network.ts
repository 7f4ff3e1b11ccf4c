import type { Actor } from '../core/actor.ts';
import type { Db } from '../core/db/index.ts';
import type { Accounts } from '../modules/accounts/index.ts';
import { parseTitle } from '../modules/markup/index.ts';
import { chantierSource, CRITERIA, learningSource, organisationSource, projectSource, rencontreSource, withTransferTags, type Criterion, type NetworkService, type Score, type TransferAction } from '../modules/network/index.ts';
import type { Wiki } from '../modules/wiki/index.ts';
import { demoChantiers, demoLearnings, demoOrganisations, demoPersons, demoProjects, demoRencontres } from './entities.ts';

/** The lifecycle steps from ideation to each status the demo shows. */
const PATH = ['ideation', 'prototype', 'pitch', 'feedback', 'active', 'closed'] as const;
const COORDINATION = 'mireille.tremblay@demo.maillage.ca';

/**
 * Loads the demo network's entities: organisation, chantier, rencontre, project and learning
 * pages (through the wiki, so they have a history), then, with the network service, chantier
 * lifecycles and members and the people directory. Skips what already exists.
 */
export async function loadDemoNetwork({ db, accounts, wiki, network }: { db: Db; accounts: Accounts; wiki: Wiki; network?: NetworkService }): Promise<void> {
  const coord = await accounts.operator.actorFor(COORDINATION);
  const pages = [
    ...demoOrganisations.map((o) => ({ title: `Organisation:${o.fields.name}`, text: organisationSource(o.fields, o.text) })),
    // Chantiers with a highlight feed « diffuser »; the one defining the agents' practice, « documenter ».
    ...demoChantiers.map((c) => ({
      title: `Chantier:${c.fields.name}`,
      text: withTransferTags(chantierSource(c.fields, c.text), [...(c.fields.highlight || c.fields.legacy ? ['diffuser' as const] : []), ...(c.fields.name.startsWith('Autoroute') ? ['documenter' as const] : [])]),
    })),
    ...demoRencontres.map((r) => ({ title: `Rencontre:${r.fields.name}`, text: rencontreSource(r.fields, r.text) })),
    ...demoProjects.map((p) => ({ title: `Projet:${p.fields.name}`, text: withTransferTags(projectSource(p.fields, p.text), ['partager']) })),
    ...demoLearnings.map((l) => ({ title: `Apprentissage:${l.fields.name}`, text: withTransferTags(learningSource(l.fields, l.text), ['valoriser'] satisfies TransferAction[]) })),
  ];
  for (const page of pages) {
    const t = parseTitle(page.title);
    if (!t.ok) throw new Error(`demo page title is invalid: ${page.title}`);
    if (!(await wiki.page(t.title))) await wiki.save(coord, { title: t.title, text: page.text, summary: 'Fiche créée', minor: false, baseRevId: null });
  }
  if (!network) return;
  const userId = async (email: string) => (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst())?.id;

  for (const c of demoChantiers) {
    const t = parseTitle(`Chantier:${c.fields.name}`);
    const page = t.ok ? await wiki.page(t.title) : undefined;
    if (!page) continue;
    for (const email of c.members) await network.setMembership(await accounts.operator.actorFor(email), page.id, 'member');
    for (const email of c.followers) await network.setMembership(await accounts.operator.actorFor(email), page.id, 'follower');
    const { status } = await network.store.status(page.id);
    if (status !== 'ideation') continue;
    const steps = PATH.slice(0, PATH.indexOf(c.status === 'paused' ? 'active' : c.status) + 1);
    for (let i = 1; i < steps.length; i++) await network.transition(coord, page.id, steps[i - 1]!, steps[i]!, '');
  }

  await loadDemoEvaluation(accounts, wiki, network, coord);

  const orgIds = new Map((await network.store.organisations()).map((o) => [o.name, o.pageId]));
  const existing = new Set((await network.store.people({ all: true })).map((p) => p.name));
  for (const p of demoPersons) {
    if (existing.has(p.input.name)) continue;
    const { hostNames, ...input } = p.input;
    const hosts = hostNames.map((n) => orgIds.get(n)).filter((id): id is number => id !== undefined);
    await network.createPerson(coord, { ...input, hosts }, p.email ? ((await userId(p.email)) ?? null) : null);
  }
}

/** The demo's evaluated chantier: one closed round of the continuity grid and a decided vote. */
const EVALUATED = 'Almanach culturel';
const DEMO_SCORES: Array<[string, [Score, Score, Score, Score], string]> = [
  ['felix.gagnon@demo.maillage.ca', [3, 2, 3, 2], 'Les organismes nous demandent la recension.'],
  ['awa.diallo@demo.maillage.ca', [3, 1, 2, 2], 'Nos objectifs de juin manquent d’indicateurs.'],
  ['ines.haddad@demo.maillage.ca', [2, 2, 3, 1], ''],
  ['samuel.levesque@demo.maillage.ca', [2, 1, 2, 2], ''],
  ['noemie.bouchard@demo.maillage.ca', [3, 2, 2, 1], 'Un besoin d’expert en taxonomie à transmettre.'],
];

async function loadDemoEvaluation(accounts: Accounts, wiki: Wiki, network: NetworkService, coord: Actor): Promise<void> {
  const t = parseTitle(`Chantier:${EVALUATED}`);
  const page = t.ok ? await wiki.page(t.title) : undefined;
  const { continuity } = network;
  if (!page || (await continuity.store.rounds(page.id)).length > 0) return;
  const round = await continuity.openRound(coord, page.id);
  for (const [email, scores, comment] of DEMO_SCORES) {
    const input = Object.fromEntries(CRITERIA.map((c, i) => [c, { score: scores[i]!, comment: i === 0 ? comment : '' }])) as Record<Criterion, { score: Score; comment: string }>;
    await continuity.score(await accounts.operator.actorFor(email), round, input);
  }
  await continuity.closeRound(coord, round);
  // The group decides to go on: both members vote, then the coordination team records the result.
  const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const vote = await continuity.openVote(coord, page.id, { decision: 'continue', rule: 'majority', quorum: 50, deadline_date: deadline, deadline_time: '17:00' });
  await continuity.ballot(await accounts.operator.actorFor('felix.gagnon@demo.maillage.ca'), vote, 'yes');
  await continuity.ballot(await accounts.operator.actorFor('awa.diallo@demo.maillage.ca'), vote, 'yes');
  await continuity.closeVote(coord, vote);
}
