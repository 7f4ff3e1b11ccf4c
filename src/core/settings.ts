import type { Db } from './db/index.ts';

/**
 * Site settings live in the database so every app instance reads the same values;
 * nothing is cached in process, a change is seen by all instances on their next request.
 */
export async function getSetting(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function setSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Returns the stored value, storing `initial` first if none exists (race-safe across instances). */
export async function getOrInitSetting(db: Db, key: string, initial: () => string): Promise<string> {
  await db
    .insertInto('settings')
    .values({ key, value: initial() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const value = await getSetting(db, key);
  if (value === undefined) throw new Error(`setting ${key} vanished`);
  return value;
}
