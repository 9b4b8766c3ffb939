/**
 * An incident's evidence timeline (issue 16, point 7): the journal's entries about the dossier, the
 * copy and its cards, read through the object index (migration 0110) instead of a scan of the whole
 * journal. That index leads with the chain stretch (`seq >> 12`), so the query names every stretch
 * up to the head: one index seek per stretch and object, a few hundred over a million entries.
 */
import type { TimelineEntry } from '../../contract/lifecycle-people';
import type { Db } from '../db/connection';
import { headSeq, OBJECT_PARTITION } from '../journal/query';

export const TIMELINE_LIMIT = 2000;

const PARTITION_BITS = 12;

/** The statement text; exported so a test can ask SQLite for its plan. */
export function timelineSql(objects: number): string {
  // One arm per object, each walking the stretches in order (CROSS JOIN keeps `parts` outside), so
  // every arm is an index seek per stretch; an OR over the objects made SQLite scan the journal.
  const arm = `SELECT j.seq, j.at, j.actor_name, j.event, j.outcome, j.object_type, j.object_id
    FROM parts CROSS JOIN journal j ON j.${OBJECT_PARTITION} = parts.p AND j.object_type = ? AND j.object_id = ?`;
  return `WITH RECURSIVE parts(p) AS (SELECT 0 UNION ALL SELECT p + 1 FROM parts WHERE p < ?)
    ${Array.from({ length: objects }, () => arm).join(' UNION ALL ')}
    ORDER BY 1 LIMIT ${TIMELINE_LIMIT}`;
}

export function timeline(db: Db, number: string, copyNumber: string, cards: string[]): TimelineEntry[] {
  const objects = [['dossier', number], ['copy', copyNumber], ...cards.map((c) => ['card', c])];
  const lastPart = headSeq(db) >> PARTITION_BITS;
  const rows = db.prepare(timelineSql(objects.length)).all(lastPart, ...objects.flat()) as {
    seq: number;
    at: string;
    actor_name: string | null;
    event: string;
    outcome: string;
    object_type: string;
    object_id: string;
  }[];
  return rows.map((r) => ({ seq: r.seq, at: r.at, actor: r.actor_name, event: r.event, outcome: r.outcome, object: `${r.object_type}:${r.object_id}` }));
}
