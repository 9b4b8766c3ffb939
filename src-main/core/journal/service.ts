/** What auditors do with the journal through a session. */
import type { Session } from '../session';
import { resolveFilter } from './filter';
import { DEFAULT_PAGE_SIZE, headSeq, queryPage, type JournalPage, type PageRequest } from './query';
import { join } from 'node:path';
import { DATABASE_FILE } from '../vault/keyring';
import { verifyJournalInParallel, type ChainReport } from './verify';

export async function verifyArchiveJournal(session: Session): Promise<ChainReport> {
  return session.perform({ action: 'journal.verify' }, async (ctx) => {
    const archive = session.archive;
    const input = {
      archiveId: archive.archiveId,
      // The key inside the encrypted database, not the keyring's copy, which anyone can edit.
      publicKey: archive.signer.publicKey,
      keyringHead: archive.keyring.journalHead,
    };
    const report = await verifyJournalInParallel(archive.db, input, { path: join(archive.folder, DATABASE_FILE), key: archive.databaseKey });
    // Only an intact chain earns a new signed checkpoint.
    if (report.ok) archive.journal.checkpoint();
    ctx.addDetails({ ok: report.ok, count: report.count, problem: report.problem ?? null });
    return report;
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
