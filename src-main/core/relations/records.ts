/**
 * What every relationship operation shares: the dossier and its facts at the moment of the
 * request, the owner a follow-up or complaint is given, people as references.
 */
import type { PersonRef } from '../../contract/relations';
import { requireDossier, factsFor } from '../dossiers/context';
import type { DossierRecord } from '../dossiers/repository';
import { ArchiveError } from '../errors';
import { findPersonById, findPersonByLogin } from '../people/repository';
import type { DossierFacts } from '../policy';
import type { Session } from '../session';
import type { Db } from '../db/connection';

/** Transacting customers (交易往来客户): filed dossiers in the lifecycle stage "maintained" — the
 * customers the company trades with now; potential and converting ones have no trade yet, lost ones no longer. */
export const TRANSACTING_STAGE = 'maintained';

export function isTransacting(d: Pick<DossierRecord, 'status' | 'lifecycle'>): boolean {
  return d.status === 'filed' && d.lifecycle === TRANSACTING_STAGE;
}

export interface Loaded {
  dossier: DossierRecord;
  facts: DossierFacts;
}

/** The dossier with its facts, including whether the actor may read its content right now. */
export function loadDossier(session: Session, number: string): Loaded {
  const dossier = requireDossier(session.archive.db, number);
  return { dossier, facts: factsFor(session, dossier, true) };
}

export function requireFiled(dossier: DossierRecord): void {
  if (dossier.status !== 'filed') throw new ArchiveError('relations.notFiled', { number: dossier.number });
}

/**
 * Who owns a follow-up or complaint: the login given, else the responsible account manager. An
 * owner works on the customer's business: an active person, never the archive's machinery
 * (administrator, custodian, auditor).
 */
export function resolveOwner(db: Db, login: string | undefined, dossier: DossierRecord): string {
  const person = login ? findPersonByLogin(db, login) : dossier.responsibleId ? findPersonById(db, dossier.responsibleId) : null;
  const shown = login ?? '';
  if (!person || person.disabled || person.duties.some((d) => d === 'admin' || d === 'custodian' || d === 'auditor')) {
    throw new ArchiveError('relations.badOwner', { login: person?.login ?? shown });
  }
  return person.id;
}

export function personRef(login: string, name: string): PersonRef {
  return { login, name };
}

/** A number from an untrusted request, for the journal entry's object before validation. */
export function claimedId(raw: unknown, type: string): { type: string; id: string } | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? { type, id: String(id) } : null;
}
