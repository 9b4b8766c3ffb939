/**
 * Prepared statements kept per connection, for a connection that answers many requests (the
 * archive server). The core prepares its SQL where it runs it (`db.prepare(sql).get(…)`), which
 * recompiles the same statement on every request; on the server that compiling was a large share
 * of each request's time. Here `db.prepare` hands back the statement it compiled before for the
 * same text.
 *
 * A statement handed out again must behave as a fresh one: its pluck/raw modes are reset, and one
 * still running (busy: a query re-entered from inside itself) is never shared, a fresh one is made.
 * The cache is bounded, since some SQL is built per request (IN lists of varying length).
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

const MAX_STATEMENTS = 1000;
const cached = new WeakSet<Db>();

export function cacheStatements(db: Db): void {
  if (cached.has(db)) return;
  cached.add(db);
  const compile = db.prepare.bind(db) as (sql: string) => Statement;
  const statements = new Map<string, Statement>();
  db.prepare = ((sql: string) => {
    const known = statements.get(sql);
    if (known && !known.busy) {
      if (known.reader) known.pluck(false).raw(false);
      return known;
    }
    const fresh = compile(sql);
    if (!known) {
      // The oldest goes first; it is finalized when collected.
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
      statements.set(sql, fresh);
    }
    return fresh;
  }) as Db['prepare'];
}
