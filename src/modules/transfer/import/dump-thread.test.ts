import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDumpReader } from './dump-thread.ts';

const CORPUS_1K = path.resolve(import.meta.dirname, '../../../../../shared/data/corpus/corpus-fr-1000.xml.gz');

describe('dump reader', () => {
  it('in a thread, says the dump is parsed while the events it read ahead still wait, and hands them all over', async () => {
    const reader = await openDumpReader(CORPUS_1K, true);
    let handled = 0;
    let handledWhenParsed = -1;
    reader.onParsed(() => { handledWhenParsed = handled; });
    await reader.read(async (e) => {
      // Slower than the thread: it gets ahead, up to its limit.
      if (e.kind === 'revision') await new Promise((resolve) => setTimeout(resolve, 1));
      handled++;
    });
    const inThread = await openDumpReader(CORPUS_1K, false);
    let all = 0;
    let allWhenParsed = -1;
    inThread.onParsed(() => { allWhenParsed = all; });
    await inThread.read(async () => { all++; });
    expect(handled).toBe(all);
    expect(allWhenParsed).toBe(all);
    expect(handledWhenParsed).toBeGreaterThan(0);
    expect(handledWhenParsed).toBeLessThan(all);
  });

  it('closes a reader that was opened but not read', async () => {
    const reader = await openDumpReader(CORPUS_1K, true);
    let parsed = false;
    reader.onParsed(() => { parsed = true; });
    await reader.close();
    const inThread = await openDumpReader(CORPUS_1K, false);
    await inThread.close();
    expect(parsed).toBe(false);
  });
});
