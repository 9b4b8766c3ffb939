/** What auditors do with the journal through a session. */
import type { Session } from '../session';
import { resolveFilter } from './filter';
import { DEFAULT_PAGE_SIZE, headSeq, queryPage, type JournalPage, type PageRequest } from './query';
import { join } from 'node:path';
import { DATABASE_FILE } from '../vault/keyring';
import { verifyJournalInParallel, type ChainReport } from './verify';

export async function verifyArchiveJournal(session: Session): Promise<ChainReport & { coSigned?: { seq: number } | null }> {
  return session.perform({ action: 'journal.verify' }, async (ctx) => {
    const archive = session.archive;
    // What this workstation saw before anything else (an old copy put back, a cut tail): as found
    // at unlock, before this session's own entries grew the chain, or as found now.
    const anchor = archive.integrity ?? archive.options.anchors.check(archive.archiveId, archive.db, archive.keyring);
    const input = {
      archiveId: archive.archiveId,
      // Old archives' own key, from inside the encrypted database; new archives have none.
      publicKey: archive.journal.legacyKey?.publicKey ?? null,
      keyringHead: archive.keyring.journalHead,
      keyringRoot: archive.keyring.signingKey.fingerprint,
      anchor: anchor ? { seq: anchor.seq, kind: anchor.kind } : null,
      headMissing: archive.headWatch.missingAtOpen,
    };
    // The plan fixes the head the workers walk to: planned on committed ground (archive.settled).
    const report = await verifyJournalInParallel(
      archive.db,
      input,
      { path: join(archive.folder, DATABASE_FILE), key: archive.databaseKey },
      { settled: archive.settled },
    );
    // Only a chain checked entry by entry, every entry attributed, earns the auditor's co-signature.
    // The anchor records the checkpoints it sees: none may be another request's, not yet committed.
    const coSigned = archive.settled((): { seq: number } | null => {
      if (!(report.ok && report.signatures?.attributable && report.headSeq > 0 && archive.journal.signerOf(session.actor.id))) return null;
      const head = archive.journal.coSign(session.actor.id, report.headSeq, report.headHash);
      // The keyring's head moves with the anchor (this session's checkpoint, at or past the
      // co-signed head): an anchor above the keyring's head reads as an old keyring put back, and
      // the next verify in this session would say the archive is behind its anchor.
      try {
        const checkpoint = archive.journal.checkpoint(session.actor.id);
        if (checkpoint) archive.recordHead(checkpoint, head);
      } catch {
        // The keyring could not be written (disk full): the anchor stays where it was until lock.
      }
      return { seq: head.seq };
    });
    ctx.addDetails({
      ok: report.ok,
      count: report.count,
      problem: report.problem ?? null,
      unsigned: report.signatures?.unsigned ?? 0,
      coSigned: coSigned?.seq ?? null,
    });
    return { ...report, coSigned };
  });
}

/** One page of the journal, filtered (journal.read: auditors only); the read itself is journaled. */
export async function readJournal(session: Session, filters: unknown, page: PageRequest = {}): Promise<JournalPage> {
  return session.perform({ action: 'journal.read', details: { afterSeq: page.afterSeq ?? 0, limit: page.limit ?? DEFAULT_PAGE_SIZE } }, (ctx) => {
    const filter = resolveFilter(session.archive.db, filters);
    ctx.addDetails({ filters: filter });
    const result = queryPage(session.archive.db, filter, { ...page, maxSeq: page.maxSeq ?? headSeq(session.archive.db) });
    ctx.addDetails({ returned: result.entries.length });
    return result;
  });
}
