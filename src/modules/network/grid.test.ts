import { describe, expect, it } from 'vitest';
import { scorerCounts, spread, summarize, type ScoreRow } from './grid.ts';

describe('spread of scores', () => {
  it('is undefined without scores', () => {
    expect(spread([])).toBeUndefined();
  });
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(spread([3, 0, 2])).toEqual({ count: 3, median: 2, min: 0, max: 3 });
  });
  it('takes the mean of the two middle values of an even count', () => {
    expect(spread([1, 3, 2, 0])).toEqual({ count: 4, median: 1.5, min: 0, max: 3 });
    expect(spread([2, 2])).toEqual({ count: 2, median: 2, min: 2, max: 2 });
  });
  it('gives a single score as its own median and range', () => {
    expect(spread([1])).toEqual({ count: 1, median: 1, min: 1, max: 1 });
  });
});

describe('grid summary', () => {
  const row = (userId: number, scorer: 'member' | 'peer', criterion: ScoreRow['criterion'], score: ScoreRow['score']): ScoreRow => ({ userId, scorer, criterion, score, comment: '' });
  const rows = [
    row(1, 'member', 'need', 3), row(2, 'member', 'need', 2), row(3, 'peer', 'need', 0),
    row(1, 'member', 'climate', 1), row(3, 'peer', 'climate', 3), row(4, 'peer', 'climate', 2),
  ];
  it('keeps members and peers apart and together, per criterion', () => {
    const s = summarize(rows);
    expect(s.need).toEqual({ member: { count: 2, median: 2.5, min: 2, max: 3 }, peer: { count: 1, median: 0, min: 0, max: 0 }, all: { count: 3, median: 2, min: 0, max: 3 } });
    expect(s.climate.member).toEqual({ count: 1, median: 1, min: 1, max: 1 });
    expect(s.climate.peer).toEqual({ count: 2, median: 2.5, min: 2, max: 3 });
    expect(s.objectives).toEqual({ member: undefined, peer: undefined, all: undefined });
  });
  it('counts people, not scores', () => {
    expect(scorerCounts(rows)).toEqual({ member: 2, peer: 2, all: 4 });
  });
});
