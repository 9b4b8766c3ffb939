/**
 * `offline.issue`: the borrower makes the one package file of their active offline-form loan.
 * One journaled operation (session.perform): refused, failed or done, one entry, and the entry
 * names the package, its sections and due time — never the passphrase, never content.
 *
 * The file is written to a temporary sibling first, the archive row committed with the journal
 * entry, then the file renamed into place: a failure before the commit leaves no package and no
 * row; a package on disk always has its row (and so can be returned and revoked).
 */
import { offlineSigner } from './offline-key';
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { SECTIONS } from '../../contract/dossiers';
import { issuePackageSchema, MIN_PASSPHRASE_LENGTH, type IssuedPackage } from '../../contract/offline';
import { findDossierById } from '../dossiers/repository';
import { contentView } from '../dossiers/context';
import { ArchiveError } from '../errors';
import { checkOutputPath, writingToSync } from '../output-path';
import { canonicalJson } from '../journal/entry';
import { claimedCard, loanFacts, requireLoan } from '../loans/context';
import type { Session } from '../session';
import { parseInput } from '../validate';
import { readSettings } from '../settings/service';
import { writeFileAtomic } from '../vault/files';
import { encrypt } from '../vault/seal';
import { logKeyFor, newPackageKey, padded, wrapPackageKey } from './keys';
import { headerHash, identityHash, PACKAGE_FORMAT, payloadAad, signedMessage, type PackageFile, type PackageHeader, type PackagePayload } from './package-file';
import * as repo from './repository';

export async function issuePackage(session: Session, raw: unknown): Promise<IssuedPackage> {
  const db = session.archive.db;
  return session.perform(
    {
      action: 'offline.issue',
      object: claimedCard(raw),
      load: () => {
        const input = parseInput(issuePackageSchema, raw);
        return { input, loan: requireLoan(db, input.card) };
      },
      target: ({ loan }) => ({ loan: { ...loanFacts(session, loan), form: loan.form } }),
    },
    async (ctx, { input, loan }) => {
      const issued = repo.packageOut(db, loan.id);
      if (issued) throw new ArchiveError('offline.alreadyIssued', { card: loan.card, package: issued.id });
      if (input.passphrase.length < MIN_PASSPHRASE_LENGTH) throw new ArchiveError('offline.weakPassphrase', { min: MIN_PASSPHRASE_LENGTH });
      const out = checkOutputPath(session.archive, input.out);
      if (existsSync(out) && !input.force) throw new ArchiveError('offline.fileExists', { path: out });
      const dossier = findDossierById(db, loan.dossierId);
      if (!dossier) throw new ArchiveError('dossier.notFound', { number: loan.number });
      const sections = input.sections ? SECTIONS.filter((s) => input.sections?.includes(s)) : [...SECTIONS];
      const now = session.archive.clock.now();
      const id = randomUUID();
      const reader = session.actor;

      const packageKey = newPackageKey();
      const logKey = logKeyFor(packageKey, id);
      let file: PackageFile;
      try {
        const { kdf, wrappedKey } = await wrapPackageKey(id, packageKey, input.passphrase, await session.archive.kdfCost());
        const header: PackageHeader = {
          package: id,
          archiveId: session.archive.archiveId,
          card: loan.card,
          copyNumber: loan.copyNumber,
          dossierNumber: loan.number,
          borrowerId: reader.id,
          issuedAt: now.toISOString(),
          dueAt: loan.dueAt!,
          sections,
          key: { publicKey: offlineSigner(session.archive.db).publicKey.toString('base64'), fingerprint: offlineSigner(session.archive.db).fingerprint },
          kdf,
          wrappedKey,
        };
        const payload: PackagePayload = {
          reader: { id: reader.id, login: reader.login, name: reader.name },
          dossier: contentView(dossier, sections),
          idleLockMinutes: readSettings(db).idleLockMinutes,
        };
        const plain = padded(canonicalJson(payload));
        const box = encrypt(packageKey, plain, payloadAad(header));
        plain.fill(0);
        file = { format: PACKAGE_FORMAT, version: 1, header, payload: box, signature: offlineSigner(session.archive.db).sign(signedMessage(header, box)) };
      } finally {
        packageKey.fill(0);
      }

      const temp = `${out}.${id.slice(0, 8)}.partial`;
      writingToSync(out, () => writeFileAtomic(temp, JSON.stringify(file) + '\n'));
      try {
        ctx.commit(
          () =>
            repo.insertPackage(db, {
              id,
              loanId: loan.id,
              sections,
              headerHash: headerHash(file),
              identityHash: identityHash(file),
              logKey,
              issuedAt: now.toISOString(),
              dueAt: loan.dueAt!,
              issuedBy: reader.id,
            }),
          {
            package: id,
            number: loan.number,
            copyNumber: loan.copyNumber,
            sections,
            dueAt: loan.dueAt,
            file: basename(out),
            kdf: { memoryKiB: file.header.kdf.memoryKiB, passes: file.header.kdf.passes },
          },
        );
      } catch (error) {
        rmSync(temp, { force: true });
        throw error;
      } finally {
        logKey.fill(0);
      }
      renameSync(temp, out);
      return { package: id, card: loan.card, file: out, dueAt: loan.dueAt!, sections, keyFingerprint: offlineSigner(session.archive.db).fingerprint };
    },
  );
}
