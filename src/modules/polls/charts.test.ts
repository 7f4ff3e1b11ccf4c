import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../core/actor.ts';
import type { RequestContext } from '../../core/http/context.ts';
import { translator, type Locale } from '../../core/i18n/index.ts';
import { CLOUD_WIDTH, cloudLayout } from './cloud-layout.ts';
import { tally } from './results.ts';
import type { Poll } from './types.ts';
import { ResultsFigure } from './views/charts.tsx';
import { countWords } from './words.ts';

const ctxFor = (locale: Locale): RequestContext => ({ actor: ANONYMOUS, locale, t: translator(locale), csrfToken: 't', abilities: new Set(), path: '/', notice: undefined });

const poll = (kind: Poll['kind'], options: string[]): Poll => ({
  id: 7, code: 'K7MXQ3', question: 'Quelle est la portée de votre mandat ?', kind, options, pageId: null, pageTitle: null, context: '',
  status: 'closed', createdAt: 0, openedAt: 0, closedAt: 0, version: 1,
});

describe('results as SVG and table', () => {
  const mandate = poll('single', ['Double mandat', 'Organisationnelle', 'Sectorielle ou territoriale']);
  const answers = [...Array(11).fill([0]), ...Array(8).fill([1]), ...Array(5).fill([2])].map((choices: number[]) => ({ choices, words: '' }));

  it('draws labelled bars with the shares written out, and the same numbers in a table', () => {
    const html = ResultsFigure({ ctx: ctxFor('fr-CA'), poll: mandate, results: tally(mandate, answers) }).html;
    expect(html).toMatch(/<svg [^>]*role="img" aria-labelledby="poll-7-chart-title poll-7-chart-desc"/);
    expect(html).toContain('<title id="poll-7-chart-title">Quelle est la portée de votre mandat ?</title>');
    expect(html).toContain('Double mandat\u00A0: 46\u00A0% (11)');
    for (const share of ['46\u00A0% (11)', '33\u00A0% (8)', '21\u00A0% (5)']) expect(html).toContain(`>${share}</text>`);
    expect(html).toContain('<th scope="row">Organisationnelle</th><td class="num">8</td><td class="num">33\u00A0%</td>');
    expect(html).toContain('24 réponse(s).');
  });

  it('writes percentages the English way in English', () => {
    const html = ResultsFigure({ ctx: ctxFor('en-CA'), poll: mandate, results: tally(mandate, answers) }).html;
    expect(html).toContain('>46% (11)</text>');
  });

  it('counts a device once per option and ignores unknown options', () => {
    const results = tally(poll('multiple', ['A', 'B']), [{ choices: [0, 0, 1], words: '' }, { choices: [1, 5], words: '' }]);
    expect(results.options.map((o) => o.count)).toEqual([1, 2]);
    expect(results.respondents).toBe(2);
  });

  it('draws a word cloud by count with its table of words', () => {
    const cloud = poll('words', []);
    const answersW = ['Formations', 'formation continue', 'la formation', 'temps', 'Temps et veille'].map((words) => ({ choices: [], words }));
    const html = ResultsFigure({ ctx: ctxFor('fr-CA'), poll: cloud, results: tally(cloud, answersW) }).html;
    expect(html).toMatch(/<svg [^>]*class="poll-cloud" role="img"/);
    expect(html).toContain('<th scope="row">formation</th><td class="num">3</td>');
    expect(html).toContain('<th scope="row">temps</th><td class="num">2</td>');
    const sizes = [...html.matchAll(/font-size="(\d+)"[^>]*>([^<]+)<\/text>/g)].map((m) => [m[2], Number(m[1])] as const);
    const size = Object.fromEntries(sizes);
    expect(size.formation).toBeGreaterThan(size.temps!);
    expect(size.temps).toBeGreaterThan(size.veille!);
  });
});

describe('word cloud layout', () => {
  const words = countWords(Array.from({ length: 60 }, (_, i) => `mot${'abcdefghij'[i % 10]}${'klmnopqrst'[Math.floor(i / 6) % 10]} numérique${i % 3 === 0 ? ' collaboration' : ''} développement${i % 5}`));

  it('never overlaps two words and stays inside the picture', () => {
    const layout = cloudLayout(words);
    expect(layout.words.length).toBeGreaterThan(10);
    for (const [i, a] of layout.words.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width).toBeLessThanOrEqual(CLOUD_WIDTH);
      expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
      for (const b of layout.words.slice(i + 1)) {
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.label} overlaps ${b.label}`).toBe(true);
      }
    }
  });

  it('is deterministic', () => {
    expect(cloudLayout(words)).toEqual(cloudLayout([...words]));
  });
});
