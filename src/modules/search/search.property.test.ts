import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/each-engine.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/engines.ts';
import type { DbHandle } from '../../core/db/index.ts';
import { CORPUS } from './corpus.fixture.ts';
import { createSearchIndex, type SearchIndex } from './index.ts';

/** Pieces of FTS5 and tsquery syntax, quotes, elisions and LIKE wildcards, mixed with words. */
const SYNTAX = ['"', '*', ':', '(', ')', '-', '+', '^', 'NEAR', 'NEAR(', 'AND', 'OR', 'NOT', '{title}', 'title:', '&', '|', '!', '<->', "'", '’', '«', '»', '%', '_', '\\', '\0', '\u0301', 'œ', 'école', 'numérique', 'le', ' '];
const userInput = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(fc.constantFrom(...SYNTAX), { maxLength: 12 }).map((parts) => parts.join('')),
  fc.array(fc.oneof(fc.constantFrom(...SYNTAX), fc.string({ maxLength: 6 })), { maxLength: 10 }).map((parts) => parts.join(' ')),
);

describeEachEngine('search never throws on user input', (engine) => {
  let tdb: TestDatabase;
  let h: DbHandle;
  let index: SearchIndex;

  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    h = tdb.open();
    index = createSearchIndex(h.db, engine);
    for (const doc of CORPUS) await index.upsert(doc);
  });
  afterAll(async () => {
    await h.destroy();
    await tdb.drop();
  });

  it('search resolves with a consistent page for any string', async () => {
    await fc.assert(
      fc.asyncProperty(userInput, fc.integer({ min: -5, max: 200 }), fc.array(fc.oneof(fc.integer(), fc.double())), async (q, limit, namespaces) => {
        const result = await index.search({ q, limit, namespaces: [0, ...namespaces] });
        expect(result.hits.length).toBeLessThanOrEqual(Math.min(result.total, 100));
        for (const hit of result.hits) expect(hit.snippetHtml).not.toMatch(/<(?!\/?mark>)/);
      }),
      { numRuns: 300 },
    );
  });

  it('suggest resolves for any string', async () => {
    await fc.assert(
      fc.asyncProperty(userInput, async (prefix) => {
        const list = await index.suggest(prefix);
        expect(list.length).toBeLessThanOrEqual(10);
      }),
      { numRuns: 200 },
    );
  });

  it('indexes and finds back any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 60 }), async (text) => {
        await index.upsert({ pageId: 900, namespace: 0, title: text, fullTitle: text, text: `${text} zygomatique` });
        expect((await index.search({ q: 'zygomatique' })).hits.map((x) => x.pageId)).toEqual([900]);
      }),
      { numRuns: 100 },
    );
  });
});
