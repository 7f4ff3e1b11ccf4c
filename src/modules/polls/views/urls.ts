import { titleUrl, parseTitle } from '../../markup/index.ts';
import type { Poll } from '../types.ts';

export const pollUrl = (p: Pick<Poll, 'code'>) => `/sondage/${p.code}`;
export const resultsUrl = (p: Pick<Poll, 'code'>) => `/sondage/${p.code}/resultats`;
export const manageUrl = (p: Pick<Poll, 'code'>) => `/sondage/${p.code}/gerer`;
export const streamUrl = (p: Pick<Poll, 'code'>) => `/sondage/${p.code}/direct`;

/** The wiki page a poll belongs to, when it has one. */
export function pageUrl(p: Pick<Poll, 'pageTitle'>): string | undefined {
  if (!p.pageTitle) return undefined;
  const t = parseTitle(p.pageTitle);
  return t.ok ? titleUrl(t.title) : undefined;
}
