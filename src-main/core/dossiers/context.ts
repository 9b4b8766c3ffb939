/**
 * Facts a dossier decision needs, read at the moment of the request: the dossier itself, whether
 * the actor holds an active loan for it, and the standing-access setting.
 */
import { rankAtLeast } from '../../contract/people';
import type { DossierContent, DossierView, Section } from '../../contract/dossiers';
import { ArchiveError } from '../errors';
import { findPersonByLogin, type PersonRecord } from '../people/repository';
import { hasActiveLoan, type DossierFacts } from '../policy';
import type { Session } from '../session';
import { readSettings } from '../settings/service';
import type { Db } from '../db/connection';
import { pick } from './fields';
import { findDossierByNumber, type CatalogueColumns, type DossierRecord } from './repository';

export function requireDossier(db: Db, number: string): DossierRecord {
  const dossier = findDossierByNumber(db, number);
  if (!dossier) throw new ArchiveError('dossier.notFound', { number });
  return dossier;
}

/** Archived by the retention decision (migration 0189, `dossier_retention.archived_at`). */
export function isArchived(db: Db, dossierId: number): boolean {
  return db.prepare('SELECT 1 FROM dossier_retention WHERE dossier_id = ? AND archived_at IS NOT NULL').get(dossierId) !== undefined;
}

export function factsFor(session: Session, dossier: DossierRecord, withAccess = false): DossierFacts {
  const db = session.archive.db;
  const facts: DossierFacts = {
    status: dossier.status,
    collectorId: dossier.collectorId,
    responsibleId: dossier.responsibleId,
    department: dossier.department,
  };
  if (isArchived(db, dossier.id)) facts.archived = true;
  if (withAccess) {
    facts.activeLoan = hasActiveLoan(db, session.actor.id, dossier.id, session.archive.clock.now());
    facts.standingAccess = readSettings(db).standingAccess;
  }
  return facts;
}

/** The responsible account manager must be an active person of rank ≥ account manager. */
export function resolveResponsible(db: Db, login: string | undefined): PersonRecord | null {
  if (!login) return null;
  const person = findPersonByLogin(db, login);
  if (!person || person.disabled || !rankAtLeast(person.rank, 'account-manager')) throw new ArchiveError('dossier.notResponsible', { login });
  return person;
}

/** The catalogue's columns as a save leaves them; defaults for what a draft has not chosen yet. */
export function catalogueColumns(content: DossierContent, responsible: PersonRecord | null, collectorDepartment: string | null): CatalogueColumns {
  return {
    customerName: content.basic?.customerName ?? '',
    industry: content.basic?.industry ?? '',
    grade: content.classification?.grade ?? 'C',
    lifecycle: content.classification?.lifecycle ?? 'potential',
    secrecy: content.classification?.secrecy ?? 'internal',
    responsibleId: responsible?.id ?? null,
    department: responsible?.department ?? collectorDepartment,
  };
}

/** `{ number }` out of an untrusted request, for the journal entry's object before validation. */
export function claimedNumber(raw: unknown): { type: string; id: string } | null {
  const n = (raw as { number?: unknown } | null)?.number;
  return typeof n === 'string' && n.length <= 40 ? { type: 'dossier', id: n } : null;
}

/** What was asked for, for the journal even when refused: bounded, since the request is untrusted. */
export function askedFor(value: unknown): unknown {
  if (value === undefined) return null;
  const text = JSON.stringify(value) ?? 'null';
  return text.length <= 400 ? value : `${text.slice(0, 400)}…`;
}

/**
 * The content of the sections asked for, as every reader gets it (the app's reading view and an
 * offline package alike). Only for a caller the policy has already let read.
 */
export function contentView(dossier: DossierRecord, sections: Section[]): DossierView {
  return {
    number: dossier.number,
    status: dossier.status,
    revision: dossier.revision,
    secrecy: dossier.secrecy,
    sections,
    content: pick(dossier.content, sections),
    filedAt: dossier.filedAt,
    lastReviewedAt: dossier.lastReviewedAt,
  };
}
