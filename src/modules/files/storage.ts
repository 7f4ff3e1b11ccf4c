import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../core/db/index.ts';
import type { FileStore } from './types.ts';

const KEY = /^[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)*$/;

function checkKey(key: string): string {
  if (!KEY.test(key) || key.split('/').some((s) => s === '..' || s === '.')) throw new Error(`invalid file store key: ${key}`);
  return key;
}

/** Files under `root` (DATA_DIR/files): the default with SQLite, one instance. Writes are atomic (temp file + rename). */
export function diskFileStore(root: string): FileStore {
  const where = (key: string) => path.join(root, ...checkKey(key).split('/'));
  return {
    async put(key, bytes) {
      const file = where(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      await fs.writeFile(tmp, bytes, { flag: 'wx' });
      await fs.rename(tmp, file);
    },
    async get(key) {
      try {
        return await fs.readFile(where(key));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw e;
      }
    },
    async delete(key) {
      await fs.rm(where(key), { force: true });
    },
  };
}

/**
 * Files in the `blobs` table: the default with PostgreSQL, so stateless instances behind a load
 * balancer share them (an object store would be a third adapter of the same port).
 */
export function databaseFileStore(db: Db, clock: Clock): FileStore {
  return {
    async put(key, bytes) {
      await db
        .insertInto('blobs')
        .values({ key: checkKey(key), bytes, size: bytes.length, created_at: clock.now() })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    },
    async get(key) {
      const row = await db.selectFrom('blobs').select('bytes').where('key', '=', checkKey(key)).executeTakeFirst();
      return row ? Buffer.from(row.bytes) : undefined;
    },
    async delete(key) {
      await db.deleteFrom('blobs').where('key', '=', checkKey(key)).execute();
    },
  };
}
