import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/** Migrations import nothing from src/: these helpers cover the two engines' real differences. */
export async function isPostgres(db: Kysely<any>): Promise<boolean> {
  try {
    await sql`select version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** An auto-numbered integer primary key on either engine. */
export function idColumn(pg: boolean) {
  return (col: ColumnDefinitionBuilder) =>
    pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
}
