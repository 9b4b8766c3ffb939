/**
 * The destruction itself (issue 16, point 2), inside the approving operation's one transaction:
 * content and every revision's old and new values removed for good, the search rows reduced to
 * number and customer name, the copies set to 销毁, the catalogue row left as a residual stub, and
 * one line in the destruction record (销毁清册) with a SHA-256 of exactly what was destroyed.
 *
 * "For good": SQLite's `secure_delete` overwrites deleted content inside pages and freed pages with
 * zeros (https://sqlite.org/pragma.html#pragma_secure_delete), and every archive connection runs
 * with it on (db/connection.ts), so no earlier save left an old copy in free space. The search
 * indexes run with FTS5's `secure-delete` and remove the dossier's entries in place
 * (dossiers/search-index.ts, migration 0270). The caller checkpoints the
 * WAL afterwards so the main file holds the overwritten pages and the WAL is cut back.
 * Journal entries carry no content (dossiers/service.ts), so the journal stays whole.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/connection';
import { canonicalJson } from '../journal/entry';
import { insertSearchRows, removeSearchRows, scrubSeparators } from '../dossiers/search-index';

export interface DestroyFacts {
  requestId: number;
  dossierId: number;
  requestedBy: string;
  approvers: string[];
  destroyedBy: { id: string; name: string };
  at: string;
}

export interface DestroyResult {
  recordId: number;
  contentSha256: string;
  copies: string[];
  revisions: number;
}

/** Runs inside a transaction, on a connection with `secure_delete` on (db/connection.ts). */
export function destroyDossier(db: Db, f: DestroyFacts): DestroyResult {
  const dossier = db.prepare('SELECT archive_number, customer_name FROM dossiers WHERE id = ?').get(f.dossierId) as {
    archive_number: string;
    customer_name: string;
  };
  const content = (db.prepare('SELECT content FROM dossier_content WHERE dossier_id = ?').get(f.dossierId) as { content: string } | undefined)?.content ?? null;
  const revisions = db.prepare('SELECT revision, changes FROM dossier_revisions WHERE dossier_id = ? ORDER BY revision').all(f.dossierId) as {
    revision: number;
    changes: string;
  }[];
  // What the hash covers is stated by its own shape, so an auditor holding a copy can recompute it.
  const destroyed = canonicalJson({ number: dossier.archive_number, content, revisions });
  const contentSha256 = createHash('sha256').update(destroyed, 'utf8').digest('hex');

  db.prepare('INSERT INTO dossier_destructions (dossier_id, request_id, destroyed_at, destroyed_by) VALUES (?, ?, ?, ?)').run(
    f.dossierId,
    f.requestId,
    f.at,
    f.destroyedBy.id,
  );
  db.prepare('DELETE FROM dossier_content WHERE dossier_id = ?').run(f.dossierId);
  db.prepare(`UPDATE dossier_revisions SET changes = '[]' WHERE dossier_id = ?`).run(f.dossierId);
  db.prepare(`UPDATE dossiers SET industry = '', updated_at = ? WHERE id = ?`).run(f.at, f.dossierId);

  // The search rows go in place (secure-delete, search-index.ts), separator keys included; the
  // stub stays findable by number and customer name, nothing else.
  const removed = removeSearchRows(db, f.dossierId);
  insertSearchRows(db, f.dossierId, { number: dossier.archive_number, name: dossier.customer_name, industry: '', persons: '' });
  scrubSeparators(db, [...(removed ? Object.values(removed) : []), ...searchedValuesOf(revisions)]);

  const copies = (
    db.prepare('SELECT copy_number FROM dossier_copies WHERE dossier_id = ? ORDER BY copy_number').all(f.dossierId) as { copy_number: string }[]
  ).map((r) => r.copy_number);
  db.prepare(`UPDATE dossier_copies SET state = 'destroyed' WHERE dossier_id = ?`).run(f.dossierId);
  db.prepare(`UPDATE destruction_requests SET state = 'destroyed', decided_at = ? WHERE id = ?`).run(f.at, f.requestId);
  const recordId = Number(
    db
      .prepare(
        `INSERT INTO destruction_record (request_id, archive_number, customer_name, copies, revisions, content_sha256, requested_by, approvers, destroyed_by, destroyed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        f.requestId,
        dossier.archive_number,
        dossier.customer_name,
        JSON.stringify(copies),
        revisions.length,
        contentSha256,
        f.requestedBy,
        JSON.stringify(f.approvers),
        f.destroyedBy.name,
        f.at,
      ).lastInsertRowid,
  );
  return { recordId, contentSha256, copies, revisions: revisions.length };
}

/** The revisions' old and new values of the fields the search rows are made of (and their group). */
function searchedValuesOf(revisions: readonly { changes: string }[]): string[] {
  const values: string[] = [];
  for (const r of revisions) {
    for (const c of JSON.parse(r.changes) as { field: string; old: unknown; new: unknown }[]) {
      if (!/^(basic|keyPersons)\./.test(c.field)) continue;
      for (const v of [c.old, c.new]) if (typeof v === 'string') values.push(v);
    }
  }
  return values;
}

/** After the destroying transaction: push the overwritten pages into the main file and cut the WAL. */
export function settleDestruction(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
