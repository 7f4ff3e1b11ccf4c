import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wikitextArbitrary, renderTimed } from './fuzz-support.ts';

describe('wikitext engine: fuzzing', () => {
  it('never throws and stays fast on random wikitext', () => {
    fc.assert(
      fc.property(wikitextArbitrary(), (source) => {
        const { ms, html } = renderTimed(source);
        expect(typeof html).toBe('string');
        // 1 s per 100 KB, with 1 s at least: small inputs take milliseconds, but a shared machine pauses.
        expect(ms).toBeLessThan(Math.max(1000, (source.length / 100_000) * 1000));
      }),
      { numRuns: 2000 },
    );
  });

  it('renders 100 KB of dense markup in under a second', () => {
    const chunk = "== H ==\n* ''a'' '''b''' [[Lien|x]] [http://e.org y] {| \n| c || d\n|}\n<b>e</b> &amp; ISBN 0-306-40615-2\n";
    const source = chunk.repeat(Math.ceil(100_000 / chunk.length));
    // The best of three runs: the first one also pays for compiling the engine.
    const best = Math.min(...[0, 1, 2].map(() => renderTimed(source).ms));
    expect(best).toBeLessThan(1000);
  });
});
