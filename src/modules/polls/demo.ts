import { systemClock } from '../../core/clock.ts';
import { hashToken } from '../../core/ids.ts';
import { parseTitle } from '../markup/index.ts';
import type { Db } from '../../core/db/index.ts';
import type { Wiki } from '../wiki/index.ts';
import { newPollCode } from './code.ts';
import { pollsStore } from './store.ts';
import type { PollKind } from './types.ts';

/**
 * The demo's archived polls of the May 2021 national rencontre: the scope of the agents'
 * mandate (46 % double, 33 % organisational, 21 % sectoral or territorial: 11, 8 and 5 of 24)
 * and a word cloud of the challenges they named. Answers are stored as the module stores any
 * (one per made-up device), then the polls are closed.
 */
const DEMO_POLLS: Array<{ question: string; kind: PollKind; options: string[]; answers: Array<number[] | string> }> = [
  {
    question: 'Quelle est la portée de votre mandat de transformation numérique ?',
    kind: 'single',
    options: ['Double mandat', 'Organisationnelle', 'Sectorielle ou territoriale'],
    answers: [...Array<number[]>(11).fill([0]), ...Array<number[]>(8).fill([1]), ...Array<number[]>(5).fill([2])],
  },
  {
    question: 'En quelques mots, quels défis vivez-vous ?',
    kind: 'words',
    options: [],
    answers: [
      'Suivre les nouveautés', 'Rythme des changements', 'Toujours en retard', 'Formation continue', 'Formations',
      'Gouvernance des données', 'Données, collaboration', 'Temps, priorités', 'Gestion du changement', 'Compétences des équipes',
      'Financement des projets', 'Veille, nouveautés', 'Collaboration entre organismes', 'Besoins des membres', 'Changement de culture',
      'Temps et ressources', 'Développement professionnel', 'Mesurer les effets', 'Compétences numériques', 'Suivre la cadence',
    ],
  },
];

/** The first of these pages that exists. */
async function firstPage(wiki: Wiki, titles: readonly string[]) {
  for (const text of titles) {
    const parsed = parseTitle(text);
    const page = parsed.ok ? await wiki.page(parsed.title) : undefined;
    if (parsed.ok && page) return { page, title: parsed.title };
  }
  return undefined;
}

/**
 * Adds the demo polls once to the first existing page of `pageTitles` (the rencontre's own page,
 * else its summary page); running it again changes nothing.
 */
export async function loadDemoPolls(target: { db: Db; wiki: Wiki }, pageTitles: readonly string[]): Promise<void> {
  const found = await firstPage(target.wiki, pageTitles);
  if (!found) return;
  const { page, title } = found;
  const store = pollsStore(target.db);
  const existing = new Set((await store.list(200, { pageId: page.id })).map((p) => p.question));
  const now = systemClock.now();
  for (const demo of DEMO_POLLS) {
    if (existing.has(demo.question)) continue;
    const poll = await store.insert({
      code: newPollCode(), question: demo.question, kind: demo.kind, options: demo.options, pageId: page.id, pageTitle: title.full,
      context: 'Rencontre nationale, mai 2021', status: 'open', createdBy: null, now,
    });
    if (!poll) continue;
    for (const [i, answer] of demo.answers.entries()) {
      const row = typeof answer === 'string' ? { choices: [], words: answer } : { choices: answer, words: '' };
      await store.answer(poll.id, hashToken(`demo-${poll.id}-${i}`), row, now);
    }
    await store.transition(poll.id, ['open'], 'closed', now);
  }
}
