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
 */
import { offlineSigner } from './offline-key';
import { basename } from 'node:path';
import { returnPackageSchema, type ReadingLogStatus, type ReturnedPackage } from '../../contract/offline';
import { ArchiveError } from '../errors';
import { recordIncident } from '../loans/incidents';
import { loanFacts } from '../loans/context';
import { returnLoan } from '../loans/lifecycle';
import * as loans from '../loans/repository';
import type { Session } from '../session';
import { parseInput } from '../validate';
import { headerHash, loadPackageFile, logPathFor, verifyPackageFile, type PackageFile } from './package-file';
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

export async function returnPackage(session: Session, raw: unknown): Promise<ReturnedPackage> {
  const db = session.archive.db;
  let logPath = '';
  let file!: PackageFile;
  let pkg!: repo.PackageRecord;
  let loan!: loans.LoanRecord;
  const result = await session.perform(
    {
      action: 'offline.return',
      object: claimedPackage(raw),
      target: () => {
        const input = parseInput(returnPackageSchema, raw);
        logPath = input.log ?? logPathFor(input.file);
        file = loadPackageFile(input.file);
        // Only this archive's own, unaltered file: its key, its id, the header it signed.
        verifyPackageFile(file, offlineSigner(session.archive.db).fingerprint);
        if (file.header.archiveId !== session.archive.archiveId) throw new ArchiveError('offline.foreign', { detail: 'package of another archive' });
        const found = repo.findPackage(db, file.header.package);
        if (!found) throw new ArchiveError('offline.notFound', { package: file.header.package });
        if (found.headerHash !== headerHash(file)) throw new ArchiveError('offline.tampered', { detail: 'not the file issued' });
        pkg = found;
        loan = loans.findLoanById(db, pkg.loanId)!;
        if (input.card !== undefined && input.card !== loan.card) throw new ArchiveError('input.invalid', { detail: `the file is the package of card ${loan.card}, not ${input.card}` });
        return { loan: loanFacts(session, loan) };
      },
    },
    (ctx) => {
      if (pkg.returnedAt) throw new ArchiveError('offline.alreadyReturned', { package: pkg.id });
      const check = verifyLog(logPath, pkg.id, pkg.logKey);
      const status: ReadingLogStatus = check.missing ? 'missing' : check.problem ? 'broken' : 'intact';
      const now = session.archive.clock.now();
      const at = now.toISOString();
      const custodian = session.actor;
      return ctx.commit(() => {
        for (const line of check.lines) {
          session.archive.journal.append({
            actor: { id: loan.borrowerId, name: loan.borrower.name, duty: null },
            event: 'dossier.open',
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
            },
          });
        }
        let incident: number | null = null;
        if (check.problem) {
          incident = recordIncident(db, {
            kind: 'leak',
            loanId: loan.id,
            dossierId: loan.dossierId,
            copyId: loan.copyId,
            revision: loan.copyRevision,
            personId: loan.borrowerId,
            managerId: loans.responsibleManagerOf(db, loan.borrowerId),
            description: `offline package ${pkg.id}: reading log does not verify at line ${check.problem.line} (${check.problem.kind}); ${check.lines.length} reads imported before it`,
            at,
            recordedBy: custodian.id,
          });
          session.archive.journal.append({
            actor: { id: custodian.id, name: custodian.name, duty: 'custodian' },
            event: 'offline.log',
            object: { type: 'package', id: pkg.id },
            outcome: 'error',
            reason: 'offline.logBroken',
            details: { card: loan.card, borrower: loan.borrower.login, line: check.problem.line, kind: check.problem.kind, imported: check.lines.length, incident },
          });
        }
        repo.markReturned(db, pkg.id, custodian.id, at, status, check.lines.length);
        ctx.setObject({ type: 'package', id: pkg.id });
        ctx.addDetails({ card: loan.card, borrower: loan.borrower.login, log: status, imported: check.lines.length, incident, file: basename(logPath) });
        return { package: pkg.id, card: loan.card, imported: check.lines.length, log: status, problem: check.problem, incident };
      });
    },
  );
  // The loan ends through its own lifecycle (and its own entry), unless it already ended (recall, departure).
  const current = loans.findLoanById(db, loan.id)!;
  if (current.state === 'on-loan') {
    const view = await returnLoan(session, { card: loan.card });
    return { ...result, loanState: view.state };
  }
  return { ...result, loanState: loans.viewState(current, session.archive.clock.now()) };
}
