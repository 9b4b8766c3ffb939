/**
 * The three copies: re-issue a lagging copy, record a lost one, the data of a printed cover sheet,
 * and the copies of a dossier. Only a custodian of the holding department acts on a copy.
 */
import { can } from '../policy';
import { z } from 'zod';
import {
  archiveNumberSchema,
  copyNumberSchema,
  lostCopySchema,
  reissueCopySchema,
  SECRECY_LABELS,
  type CopySheet,
  type CopyView,
  type CopyRow,
} from '../../contract/dossiers';
import { ArchiveError } from '../errors';
import { findDepartment, findPersonById } from '../people/repository';
import type { Session } from '../session';
import { parseInput } from '../validate';
import { findDossierById } from '../dossiers/repository';
import { claimedNumber, requireDossier } from '../dossiers/context';
import * as repo from './repository';
import { loseCopyOnLoan } from '../loans/loss';
import { serveQueue } from '../loans/context';

function claimedCopy(raw: unknown): { type: string; id: string } | null {
  const n = (raw as { copyNumber?: unknown } | null)?.copyNumber;
  return typeof n === 'string' && n.length <= 40 ? { type: 'copy', id: n } : null;
}

function requireCopy(session: Session, copyNumber: string): repo.CopyRecord {
  const copy = repo.findCopy(session.archive.db, copyNumber);
  if (!copy) throw new ArchiveError('copy.notFound', { copyNumber });
  return copy;
}

function who(session: Session, id: string | null): { login: string; name: string } | null {
  const p = id ? findPersonById(session.archive.db, id) : null;
  return p ? { login: p.login, name: p.name } : null;
}

/** Re-issue: the custodian prints the current revision; the copy stops lagging. A lost copy is replaced. */
export async function reissueCopy(session: Session, raw: unknown): Promise<CopyView> {
  return session.perform(
    {
      action: 'copy.reissue',
      object: claimedCopy(raw),
      load: () => {
        const input = parseInput(reissueCopySchema, raw);
        return { input, copy: requireCopy(session, input.copyNumber) };
      },
      target: ({ copy }) => ({ copyDepartment: copy.department }),
    },
    (ctx, { input, copy }) => {
      if (copy.state !== 'in-custody' && copy.state !== 'lost') {
        throw new ArchiveError('copy.notReissuable', { copyNumber: copy.copyNumber, state: copy.state });
      }
      const db = session.archive.db;
      const at = session.archive.clock.now().toISOString();
      const shelf = input.shelf ?? copy.shelf;
      return ctx.commit(
        () => {
          repo.reissue(db, copy.id, copy.dossierRevision, session.actor.id, shelf, at);
          // A replaced lost copy goes to the next card waiting for it (预约).
          if (copy.state === 'lost') ctx.addDetails({ nextCard: serveQueue(db, copy.id, session.archive.clock.now()) });
          return repo.toView(repo.findCopy(db, copy.copyNumber)!, who(session, session.actor.id));
        },
        { fromRevision: copy.revision, toRevision: copy.dossierRevision, lagBefore: repo.copyLag(copy), stateBefore: copy.state, shelf },
      );
    },
  );
}

/** A lost copy (遗失) is recorded by its custodian, with the reason. */
export async function recordLostCopy(session: Session, raw: unknown): Promise<CopyView> {
  return session.perform(
    {
      action: 'copy.lost',
      object: claimedCopy(raw),
      load: () => {
        const input = parseInput(lostCopySchema, raw);
        return { input, copy: requireCopy(session, input.copyNumber) };
      },
      target: ({ copy }) => ({ copyDepartment: copy.department }),
    },
    (ctx, { input, copy }) => {
      if (copy.state !== 'in-custody' && copy.state !== 'on-loan') {
        throw new ArchiveError('copy.notLosable', { copyNumber: copy.copyNumber, state: copy.state });
      }
      const db = session.archive.db;
      const at = session.archive.clock.now().toISOString();
      return ctx.commit(
        () => {
          // A copy lost during a loan ends that loan and is its incident (loans/loss.ts).
          const loss = copy.state === 'on-loan' ? loseCopyOnLoan(db, copy.id, session.actor.id, input.reason, session.archive.clock.now()) : null;
          if (loss) ctx.addDetails({ card: loss.card, incident: loss.incident, borrower: loss.borrower, manager: loss.manager });
          repo.markLost(db, copy.id, session.actor.id, input.reason, at);
          return repo.toView(repo.findCopy(db, copy.copyNumber)!, who(session, copy.custodianId));
        },
        { reason: input.reason, revision: copy.revision, stateBefore: copy.state },
      );
    },
  );
}

/** What a printed copy's cover sheet carries (copy number, revision, custodian, date, secrecy ★). */
export async function copySheet(session: Session, raw: unknown): Promise<CopySheet> {
  return session.perform(
    {
      action: 'copy.sheet',
      object: claimedCopy(raw),
      load: () => requireCopy(session, parseInput(z.object({ copyNumber: copyNumberSchema }).strict(), raw).copyNumber),
      target: (copy) => ({ copyDepartment: copy.department }),
    },
    (ctx, copy) => {
      const db = session.archive.db;
      const dossier = findDossierById(db, copy.dossierId)!;
      const dept = findDepartment(db, copy.department)!;
      const label = SECRECY_LABELS[dossier.secrecy];
      ctx.addDetails({ revision: copy.revision });
      return {
        copyNumber: copy.copyNumber,
        number: dossier.number,
        customerName: dossier.customerName,
        revision: copy.revision,
        custodian: who(session, copy.custodianId),
        department: { code: dept.code, nameZh: dept.nameZh, nameEn: dept.nameEn },
        issuedAt: copy.issuedAt,
        secrecy: dossier.secrecy,
        secrecyMark: { en: `★ ${label.en}`, 'zh-CN': `★ ${label['zh-CN']}` },
      };
    },
  );
}

/** The copies of a dossier with state and lag: catalogue-level information. */
export async function listCopies(session: Session, raw: unknown): Promise<CopyRow[]> {
  return session.perform({ action: 'copy.list', object: claimedNumber(raw) }, (ctx) => {
    const number = parseInput(z.object({ number: archiveNumberSchema }).strict(), raw).number;
    const dossier = requireDossier(session.archive.db, number);
    const copies = repo.copiesOf(session.archive.db, dossier.id);
    ctx.addDetails({ count: copies.length });
    return copies.map((c) => ({
      ...repo.toView(c, who(session, c.custodianId)),
      mayKeep: can(session.actor, 'copy.reissue', { copyDepartment: c.department }).allowed,
    }));
  });
}
