import { formatDateIso } from '../../core/i18n/index.ts';
import { toCsv } from './export.ts';
import { CRITERIA, SCORER_GROUPS, type Criterion, type Spread } from './grid.ts';
import type { ChantierRow } from './store.ts';
import type { RoundView } from './views/grid.tsx';
import { chantierUrl } from './views/urls.ts';

/**
 * A round's aggregated results as data: per criterion, the median, min, max and count of the
 * members', the peers' and everyone's scores. Aggregates only, like the grid page: no scorer,
 * no comment (a comment can name its author by its content).
 */

/** Where a round's results are downloaded (`.json` or `.csv`). */
export const gridExportUrl = (roundId: number) => `/reseau/chantiers/resultats-grille/${roundId}`;

const stats = (s: Spread | undefined) => (s ? { median: s.median, min: s.min, max: s.max, count: s.count } : { median: null, min: null, max: null, count: 0 });

export function roundRecord(c: ChantierRow, view: RoundView, base: string, label: (c: Criterion) => string) {
  const { round } = view;
  return {
    chantier: { name: c.name, url: base + chantierUrl(c.title) },
    round: { id: round.id, opened: formatDateIso(round.openedAt), closed: round.closedAt === null ? null : formatDateIso(round.closedAt), status: round.closedAt === null ? 'open' : 'closed' },
    scale: { min: 0, max: 3 },
    scorers: view.counts,
    criteria: CRITERIA.map((criterion) => ({
      criterion, label: label(criterion),
      ...Object.fromEntries(SCORER_GROUPS.map((g) => [g, stats(view.summary[criterion][g])])),
    })),
  };
}

/** One line per criterion and group (member, peer, all); a group nobody scored has a count of 0 and empty figures. */
export function roundCsv(c: ChantierRow, view: RoundView, label: (c: Criterion) => string): string {
  const { round } = view;
  const closed = round.closedAt === null ? '' : formatDateIso(round.closedAt);
  return toCsv(['chantier', 'round', 'opened', 'closed', 'criterion', 'label', 'group', 'median', 'min', 'max', 'count'],
    CRITERIA.flatMap((criterion) => SCORER_GROUPS.map((g) => {
      const s = stats(view.summary[criterion][g]);
      return [c.name, round.id, formatDateIso(round.openedAt), closed, criterion, label(criterion), g, s.median, s.min, s.max, s.count];
    })));
}
