/**
 * Revoking packages (rule 7, recall, a lost laptop) and handing laptops the signed list.
 *
 * A revocation is recorded in the archive at once; it reaches a laptop only when the laptop is
 * given the list (`offline.revocations`). A laptop that never sees the list again can read its
 * package until due-at — nothing a file on someone else's disk can do prevents that — which is
 * why due-at is enforced offline by the reader itself (rule 4) and why loan periods stay short.
 */
import { offlineSigner } from './offline-key';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { exportRevocationsSchema, revokePackageSchema, type RevokedPackage } from '../../contract/offline';
import { ArchiveError } from '../errors';
import { checkOutputPath, writingToSync } from '../output-path';
import { loanFacts } from '../loans/context';
import * as loans from '../loans/repository';
import type { Session } from '../session';
import { parseInput } from '../validate';
import { writeFileAtomic } from '../vault/files';
import * as repo from './repository';
import { signRevocations } from './revocation-list';

function claimedPackage(raw: unknown): { type: string; id: string } | null {
  const id = (raw as { package?: unknown } | null)?.package;
  if (typeof id === 'string' && id.length <= 40) return { type: 'package', id };
  const card = (raw as { card?: unknown } | null)?.card;
  return typeof card === 'string' && card.length <= 40 ? { type: 'loan', id: card } : null;
}

/** Revokes one package still out; the borrower (their own) or the copy's custodian. */
export async function revokePackage(session: Session, raw: unknown): Promise<RevokedPackage> {
  const db = session.archive.db;
  return session.perform(
    {
      action: 'offline.revoke',
      object: claimedPackage(raw),
      load: () => {
        const input = parseInput(revokePackageSchema, raw);
        let id = input.package;
        if (input.card !== undefined) {
          const onCard = loans.findLoan(db, input.card);
          id = onCard ? repo.packageOut(db, onCard.id)?.id : undefined;
          if (!id) throw new ArchiveError('offline.notFound', { package: input.card });
        }
        const found = repo.findPackage(db, id!);
        if (!found) throw new ArchiveError('offline.notFound', { package: id! });
        return { input, pkg: found, loan: loans.findLoanById(db, found.loanId)! };
      },
      target: ({ loan }) => ({ loan: loanFacts(session, loan) }),
    },
    (ctx, { input, pkg, loan }) => {
      if (pkg.returnedAt) throw new ArchiveError('offline.alreadyReturned', { package: pkg.id });
      if (pkg.state === 'revoked') throw new ArchiveError('offline.revoked');
      const at = session.archive.clock.now().toISOString();
      ctx.setObject({ type: 'package', id: pkg.id });
      return ctx.commit(
        () => {
          repo.revokePackage(db, pkg.id, session.actor.id, at, input.reason);
          return { package: pkg.id, card: loan.card, revokedAt: at };
        },
        { card: loan.card, borrower: loan.borrower.login, reason: input.reason },
      );
    },
  );
}

/**
 * Writes the signed list of every package this archive ever revoked. Expired ones stay on it:
 * a laptop whose clock was set back must still refuse them.
 */
export async function exportRevocations(session: Session, raw: unknown): Promise<{ file: string; count: number }> {
  return session.perform({ action: 'offline.revocations', target: {}, load: () => parseInput(exportRevocationsSchema, raw) }, (ctx, input) => {
    const out = checkOutputPath(session.archive, input.out);
    if (existsSync(out) && !input.force) throw new ArchiveError('offline.fileExists', { path: out });
    const packages = repo.revokedPackages(session.archive.db);
    const at = session.archive.clock.now().toISOString();
    const signed = signRevocations(offlineSigner(session.archive.db), session.archive.archiveId, at, packages);
    writingToSync(out, () => writeFileAtomic(out, signed));
    ctx.addDetails({ count: packages.length, file: basename(out) });
    return { file: out, count: packages.length };
  });
}

/**
 * The same signed list as text, for a laptop fetching it from the archive server
 * (`offline:revocationList`): the laptop checks the signature itself, so the connection only
 * has to carry it. Journaled like an export (`offline.revocations`, `fetched: true`).
 */
export async function revocationListText(session: Session): Promise<{ list: string; count: number }> {
  return session.perform({ action: 'offline.revocations' }, (ctx) => {
    const packages = repo.revokedPackages(session.archive.db);
    const at = session.archive.clock.now().toISOString();
    const list = signRevocations(offlineSigner(session.archive.db), session.archive.archiveId, at, packages);
    ctx.addDetails({ count: packages.length, fetched: true });
    return { list, count: packages.length };
  });
}
