/**
 * Prepared statements kept per connection: a catalogue page or a batch of thousands of dossiers
 * should not re-parse the same SQL every call. Weakly held, so a closed archive lets them go.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection';

const cache = new WeakMap<Db, Map<string, Statement>>();

export function stmt(db: Db, sql: string): Statement {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map()));
  let s = byText.get(sql);
  if (!s) byText.set(sql, (s = db.prepare(sql)));
  return s;
}
