import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeEachEngine, useTestDatabase } from '../../../test/support/each-engine.ts';
import { manualClock } from '../../core/clock.ts';
import { databaseFileStore, diskFileStore } from './storage.ts';
import type { FileStore } from './types.ts';

function contract(store: () => FileStore): void {
  it('stores, reads back and deletes bytes; absent keys read as undefined', async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 0x89, 0x50]);
    await store().put('o/ab/ab12', bytes);
    await store().put('o/ab/ab12', bytes); // idempotent
    expect(Buffer.compare((await store().get('o/ab/ab12'))!, bytes)).toBe(0);
    expect(await store().get('o/zz/nothing')).toBeUndefined();
    await store().delete('o/ab/ab12');
    expect(await store().get('o/ab/ab12')).toBeUndefined();
  });
  it('refuses keys that could leave its space', async () => {
    for (const key of ['../etc/passwd', 'o/../../x', '/abs', 'O/Upper', 'a//b', '']) await expect(store().put(key, Buffer.from('x'))).rejects.toThrow('invalid file store key');
  });
}

describe('disk file store', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-files-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  contract(() => diskFileStore(dir));
  it('writes under its root only', async () => {
    await diskFileStore(dir).put('t/ab/220.png', Buffer.from('png'));
    expect(fs.readFileSync(path.join(dir, 't', 'ab', '220.png'), 'utf8')).toBe('png');
  });
});

describeEachEngine('database file store', (engine) => {
  const db = useTestDatabase(engine);
  contract(() => databaseFileStore(db.h.db, manualClock(0)));
  it('keeps a megabyte of binary intact', async () => {
    const bytes = Buffer.alloc(1024 * 1024, 0);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
    await databaseFileStore(db.h.db, manualClock(0)).put('o/big/one', bytes);
    expect((await databaseFileStore(db.h.db, manualClock(0)).get('o/big/one'))!.equals(bytes)).toBe(true);
  });
});
