import { CompiledQuery, type Compilable, type QueryResult } from 'kysely';

interface QueryRunner {
  executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>>;
}

/**
 * A statement for many batches of rows (a bulk load's inserts and updates), built with Kysely
 * once per number of rows, then run again with each batch's values bound by position: building
 * a multi-row statement costs about as much as running it, and its text, always the same,
 * reuses the prepared statement. `values(row)` lists a row's values in the order `build` binds
 * them, which the first build of each length checks.
 */
export function reusedStatement<Row, Result>(build: (rows: readonly Row[]) => Compilable<Result>, values: (row: Row) => readonly unknown[]) {
  const compiled = new Map<number, CompiledQuery<Result>>();
  return async (db: QueryRunner, rows: readonly Row[]): Promise<Result[]> => {
    const parameters = rows.flatMap(values);
    let query = compiled.get(rows.length);
    if (!query) {
      query = build(rows).compile();
      if (query.parameters.length !== parameters.length || query.parameters.some((p, k) => p !== parameters[k])) {
        throw new Error(`reusedStatement: the values given are not those the statement binds (${query.sql.slice(0, 60)}…)`);
      }
      compiled.set(rows.length, query);
    }
    return (await db.executeQuery(CompiledQuery.raw(query.sql, parameters) as CompiledQuery<Result>)).rows;
  };
}
