import { describe, expect, it } from 'vitest';
import { roundCsv, roundRecord } from './grid-export.ts';
import { scorerCounts, summarize, type ScoreRow } from './grid.ts';
import type { ChantierRow } from './store.ts';
import type { RoundView } from './views/grid.tsx';

const chantier = { name: 'Veille partagée', title: 'Veille_partagée' } as ChantierRow;
const rows: ScoreRow[] = [
  { userId: 1, scorer: 'member', criterion: 'need', score: 3, comment: 'Signé Awa' },
  { userId: 2, scorer: 'member', criterion: 'need', score: 2, comment: '' },
  { userId: 3, scorer: 'peer', criterion: 'need', score: 0, comment: '' },
];
const view: RoundView = { round: { id: 7, pageId: 1, openedBy: 1, openedAt: Date.UTC(2026, 10, 2, 15), closedAt: null }, summary: summarize(rows), counts: scorerCounts(rows), comments: [] };
const label = (c: string) => `[${c}]`;

describe('a round’s results as data', () => {
  it('gives each criterion’s spread by group, an empty group with a count of 0', () => {
    const r = roundRecord(chantier, view, 'https://x.test', label);
    expect(r.round).toEqual({ id: 7, opened: '2026-11-02', closed: null, status: 'open' });
    expect(r.scorers).toEqual({ member: 2, peer: 1, all: 3 });
    expect(r.criteria[0]).toEqual({ criterion: 'need', label: '[need]', member: { median: 2.5, min: 2, max: 3, count: 2 }, peer: { median: 0, min: 0, max: 0, count: 1 }, all: { median: 2, min: 0, max: 3, count: 3 } });
    expect(r.criteria[1]).toMatchObject({ criterion: 'objectives', all: { median: null, min: null, max: null, count: 0 } });
    expect(JSON.stringify(r)).not.toContain('Awa');
  });

  it('writes one CSV line per criterion and group', () => {
    const lines = roundCsv(chantier, view, label).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(13);
    expect(lines[1]).toBe('Veille partagée,7,2026-11-02,,need,[need],member,2.5,2,3,2');
    expect(lines[4]).toBe('Veille partagée,7,2026-11-02,,objectives,[objectives],member,,,,0');
  });
});
