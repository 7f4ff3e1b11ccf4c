/** `npm run fuzz:wikitext`: 100,000 random wikitext documents; the engine must never throw nor take over 1 s per 100 KB. */
import fc from 'fast-check';
import { renderTimed, wikitextArbitrary } from '../../src/modules/markup/wikitext/fuzz-support.ts';

const runs = Number(process.argv[2] ?? 100_000);
let slowest = 0;
const started = Date.now();
fc.assert(
  fc.property(wikitextArbitrary(200), (source) => {
    const { ms } = renderTimed(source);
    slowest = Math.max(slowest, ms);
    if (ms > Math.max(1000, (source.length / 100_000) * 1000)) throw new Error(`too slow: ${ms} ms for ${source.length} chars`);
  }),
  { numRuns: runs },
);
console.log(`${runs} documents, slowest ${slowest.toFixed(1)} ms, ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
