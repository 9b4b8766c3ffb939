/**
 * `offline.return`: the copy's custodian receives a package back and brings its reading log into
 * the journal. Each verified log line becomes a `dossier.open` entry with the time it happened,
 * the borrower as actor and `{ offline: true, package, card }` in its details (refused attempts
 * come back as `denied` with their reason). The archive checks the log with the MAC key it kept
 * at issue, so no passphrase is needed at the desk.
 *
 * A log that does not verify (a line edited, removed, cut off, or from another package) is not
 * refused: what verifies up to that line is imported, the return is completed, and the failure is
 * its own journal entry (`offline.log`, outcome `error`, reason `offline.logBroken`) with an
 * incident against the borrower (kind `leak`: reads may have been hidden; management judges).
 * All of it is one transaction with the operation's entry. The loan itself then ends through the
 * loans lifecycle (`loan.return`), which journals as it always does.
 *
 * Issue 15: after the commit the package key in the returned file is destroyed, so it never opens
 * again. A log that comes back for a package already returned (a copy taken before the return) is
 * not refused: the lines never imported (offline_log_lines, migration 0150) come in flagged
 * `afterReturn`, with an incident; a return after the due time comes in flagged `late`. Prints
 * come back as `loan.print` entries.
 */
import { offlineSigner } from './offline-key';
import { basename } from 'node:path';
import { returnPackageSchema, type ReadingLogStatus, type ReturnedPackage, type ReturnFlag } from '../../contract/offline';
import { ArchiveError } from '../errors';
import { recordIncident } from '../loans/incidents';
import { loanFacts } from '../loans/context';
import { returnLoan } from '../loans/lifecycle';
import * as loans from '../loans/repository';
import type { Session } from '../session';
import { parseInput } from '../validate';
import { destroyPackageKey, headerHash, identityHash, isKeyDestroyed, loadPackageFile, logPathFor, verifyPackageFile } from './package-file';
import { verifyLog } from './reading-log';
import * as repo from './repository';

/** The package a request names, for the journal entry's object even when it is refused. */
function claimedPackage(raw: unknown): { type: string; id: string } | null {
  const path = (raw as { file?: unknown } | null)?.file;
  if (typeof path !== 'string' || path.length > 4096) return null;
  try {
    return { type: 'package', id: loadPackageFile(path).header.package };
  } catch {
    return null;
  }
}

/** The returned file, checked to be this archive's own package as issued, and its loan. */
function loadReturn(session: Session, raw: unknown) {
  const db = session.archive.db;
  const input = parseInput(returnPackageSchema, raw);
  const filePath = input.file;
  const logPath = input.log ?? logPathFor(input.file);
  const file = loadPackageFile(input.file);
  const destroyed = isKeyDestroyed(file);
  // Only this archive's own, unaltered file: its key, its id, the header it signed. A file
  // whose key is already destroyed cannot verify its signature; the identity kept at issue
  // (everything but the wrapped key) stands in for it.
  const fingerprint = offlineSigner(session.archive.db).fingerprint;
  if (destroyed) {
    if (file.header.key.fingerprint !== fingerprint) throw new ArchiveError('offline.tampered', { detail: 'key' });
  } else verifyPackageFile(file, fingerprint);
  if (file.header.archiveId !== session.archive.archiveId) throw new ArchiveError('offline.foreign', { detail: 'package of another archive' });
  const found = repo.findPackage(db, file.header.package);
  if (!found) throw new ArchiveError('offline.notFound', { package: file.header.package });
  const same = destroyed ? found.identityHash !== null && found.identityHash === identityHash(file) : found.headerHash === headerHash(file);
  if (!same) throw new ArchiveError('offline.tampered', { detail: 'not the file issued' });
  const pkg = found;
  const loan = loans.findLoanById(db, pkg.loanId)!;
  if (input.card !== undefined && input.card !== loan.card)
    throw new ArchiveError('input.invalid', { detail: `the file is the package of card ${loan.card}, not ${input.card}` });
  return { filePath, logPath, destroyed, pkg, loan };
}

export async function returnPackage(session: Session, raw: unknown): Promise<ReturnedPackage> {
  const db = session.archive.db;
  const { view: result, loaded } = await session.perform(
    {
      action: 'offline.return',
      object: claimedPackage(raw),
      load: () => loadReturn(session, raw),
      target: ({ loan }) => ({ loan: loanFacts(session, loan) }),
    },
    (ctx, returned) => {
      const { logPath, pkg, loan } = returned;
      const check = verifyLog(logPath, pkg.id, pkg.logKey);
      const seen = repo.importedMacs(db, pkg.id);
      const fresh = check.lines.filter((l) => !seen.has(l.mac));
      // A log that comes back again (a copy taken before the return, or the original after a
      // copy) is imported for the lines never seen, and flagged; with nothing new it is refused.
      const again = pkg.returnedAt !== null;
      if (again && fresh.length === 0) throw new ArchiveError('offline.alreadyReturned', { package: pkg.id });
      const status: ReadingLogStatus = check.missing ? 'missing' : check.problem ? 'broken' : 'intact';
      const now = session.archive.clock.now();
      const at = now.toISOString();
      const late = !again && at >= pkg.dueAt;
      const flags: ReturnFlag[] = [...(late ? (['late'] as const) : []), ...(again ? (['afterReturn'] as const) : [])];
      const lineFlag = again ? 'afterReturn' : late ? 'late' : null;
      const custodian = session.actor;
      const custodianActor = { id: custodian.id, name: custodian.name, duty: 'custodian' as const };
      const view = ctx.commit(() => {
        for (const line of fresh) {
          ctx.record({
            actor: { id: loan.borrowerId, name: loan.borrower.name, duty: null },
            event: line.action === 'print' ? 'loan.print' : 'dossier.open',
            object: { type: 'dossier', id: loan.number },
            outcome: line.outcome,
            reason: line.reason,
            at: new Date(line.at),
            details: {
              offline: true,
              package: pkg.id,
              card: loan.card,
              copyNumber: loan.copyNumber,
              sections: line.sections,
              workstation: line.workstation,
              tzOffset: line.tzOffset,
              logLine: line.seq,
              importedBy: custodian.login,
              ...(line.action ? { action: line.action } : {}),
              ...(lineFlag ? { flag: lineFlag } : {}),
            },
          });
          repo.recordImportedLine(db, pkg.id, line.mac, line.seq, at, lineFlag);
        }
        let incident: number | null = null;
        const openIncident = (description: string) =>
          recordIncident(db, {
            kind: 'leak',
            loanId: loan.id,
            dossierId: loan.dossierId,
            copyId: loan.copyId,
            revision: loan.copyRevision,
            personId: loan.borrowerId,
            managerId: loans.responsibleManagerOf(db, loan.borrowerId),
            description,
            at,
            recordedBy: custodian.id,
          });
        if (check.problem) {
          incident = openIncident(
            `offline package ${pkg.id}: reading log does not verify at line ${check.problem.line} (${check.problem.kind}); ${check.lines.length} reads imported before it`,
          );
          ctx.record({
            actor: custodianActor,
            event: 'offline.log',
            object: { type: 'package', id: pkg.id },
            outcome: 'error',
            reason: 'offline.logBroken',
            details: {
              card: loan.card,
              borrower: loan.borrower.login,
              line: check.problem.line,
              kind: check.problem.kind,
              imported: check.lines.length,
              incident,
            },
          });
        }
        if (again) {
          // The package had already come back: these reads were made on a copy of it.
          incident ??= openIncident(
            `offline package ${pkg.id}: a reading log came back after the package was returned (${pkg.returnedAt}); ${fresh.length} reads not seen before were imported`,
          );
        }
        for (const flag of flags) {
          ctx.record({
            actor: custodianActor,
            event: 'offline.log',
            object: { type: 'package', id: pkg.id },
            outcome: 'error',
            reason: flag === 'late' ? 'offline.lateReturn' : 'offline.readAfterReturn',
            details: { card: loan.card, borrower: loan.borrower.login, dueAt: pkg.dueAt, returnedAt: pkg.returnedAt ?? at, imported: fresh.length, incident },
          });
        }
        if (again) repo.addImported(db, pkg.id, fresh.length);
        else repo.markReturned(db, pkg.id, custodian.id, at, status, fresh.length);
        ctx.setObject({ type: 'package', id: pkg.id });
        ctx.addDetails({ card: loan.card, borrower: loan.borrower.login, log: status, imported: fresh.length, incident, flags, file: basename(logPath) });
        return { package: pkg.id, card: loan.card, imported: fresh.length, log: status, problem: check.problem, incident, flags };
      });
      return { view, loaded: returned };
    },
  );
  const { filePath, destroyed, loan } = loaded;
  // Received back: the file itself dies (its content key overwritten), so it never opens again.
  const keyDestroyed = destroyed || destroyPackageKey(filePath);
  // The loan ends through its own lifecycle (and its own entry), unless it already ended (recall, departure).
  const current = loans.findLoanById(db, loan.id)!;
  if (current.state === 'on-loan') {
    const view = await returnLoan(session, { card: loan.card });
    return { ...result, loanState: view.state, keyDestroyed };
  }
  return { ...result, loanState: loans.viewState(current, session.archive.clock.now()), keyDestroyed };
}
