/** What auditors do with the journal through a session. */
import type { Session } from '../session';
import { verifyJournal, type ChainReport } from './verify';

export async function verifyArchiveJournal(session: Session): Promise<ChainReport> {
  return session.perform({ action: 'journal.verify' }, (ctx) => {
    const archive = session.archive;
    const report = verifyJournal(archive.db, {
      archiveId: archive.archiveId,
      // The key inside the encrypted database, not the keyring's copy, which anyone can edit.
      publicKey: archive.signer.publicKey,
      keyringHead: archive.keyring.journalHead,
    });
    // Only an intact chain earns a new signed checkpoint.
    if (report.ok) archive.journal.checkpoint();
    ctx.addDetails({ ok: report.ok, count: report.count, problem: report.problem ?? null });
    return report;
  });
}
