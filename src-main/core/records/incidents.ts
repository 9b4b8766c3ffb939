/**
 * Incidents that reach people (issue 16, point 7). Custodians and department managers record a
 * leak or a loss by hand; the incident and its integrity mark (诚信黑点) go in with a notice to the
 * responsible person's direct manager (直接上级承担领导责任), through the loans' notifications.
 * The register shows each incident with its evidence: who held the copy (loans, with the copy's
 * revision) and the journal's entries about the dossier, the copy and its cards.
 * At three marks the person is flagged to the general manager — a flag, never an action.
 */
import { FLAG_AT_MARKS, type FlaggedPerson } from '../../contract/loans';
import { incidentIdSchema, manualIncidentSchema, type CopyHolder, type IncidentDetail } from '../../contract/lifecycle-people';
import type { Db } from '../db/connection';
import { ArchiveError } from '../errors';
import { countMarks, flaggedPeople as flagged, listIncidents, recordIncident } from '../loans/incidents';
import { notify } from '../loans/notices';
import { responsibleManagerOf } from '../loans/repository';
import { findPersonByLogin } from '../people/repository';
import type { Session } from '../session';
import { parseInput } from '../validate';
import { timeline } from './timeline';

/** Tells the direct manager, in the same transaction as the incident. */
export function noticeToManager(db: Db, managerId: string | null, incidentId: number, at: string): void {
  if (!managerId) return;
  notify(db, managerId, 'incident.recorded', null, `incident:${incidentId}`, at);
  db.prepare('UPDATE notifications SET incident_id = ? WHERE recipient_id = ? AND dedupe = ?').run(incidentId, managerId, `incident:${incidentId}`);
}

export async function recordIncidentByHand(session: Session, raw: unknown): Promise<IncidentDetail> {
  const db = session.archive.db;
  return session.perform({ action: 'incident.record' }, (ctx) => {
    const input = parseInput(manualIncidentSchema, raw);
    const copy = db.prepare('SELECT id, dossier_id, revision FROM dossier_copies WHERE copy_number = ?').get(input.copyNumber) as
      { id: number; dossier_id: number; revision: number } | undefined;
    if (!copy) throw new ArchiveError('copy.notFound', { copyNumber: input.copyNumber });
    const person = findPersonByLogin(db, input.login);
    if (!person) throw new ArchiveError('person.notFound', { login: input.login });
    const managerId = responsibleManagerOf(db, person.id);
    const at = session.archive.clock.now().toISOString();
    const id = ctx.commit(
      () => {
        // The copy's loan at this moment, if any: the incident names it.
        const loan = db.prepare(`SELECT id FROM loans WHERE copy_id = ? AND borrower_id = ? ORDER BY id DESC LIMIT 1`).get(copy.id, person.id) as
          { id: number } | undefined;
        const incident = recordIncident(db, {
          kind: input.kind,
          loanId: loan?.id ?? null,
          dossierId: copy.dossier_id,
          copyId: copy.id,
          revision: copy.revision,
          personId: person.id,
          managerId,
          description: input.description,
          at,
          recordedBy: session.actor.id,
        });
        noticeToManager(db, managerId, incident, at);
        ctx.setObject({ type: 'incident', id: String(incident) });
        return incident;
      },
      { kind: input.kind, copy: input.copyNumber, person: person.login, managerNotified: managerId !== null },
    );
    const marks = countMarks(db, person.id);
    ctx.addDetails({ marks, flagged: marks >= FLAG_AT_MARKS });
    return incidentDetail(db, id);
  });
}

export function incidentDetail(db: Db, id: number): IncidentDetail {
  const view = listIncidents(db).find((i) => i.id === id);
  if (!view) throw new ArchiveError('incident.notFound', { id });
  const row = db.prepare('SELECT copy_id, person_id FROM incidents WHERE id = ?').get(id) as { copy_id: number; person_id: string };
  const holders = (
    db
      .prepare(
        `SELECT l.card_number, p.login, p.name, l.copy_revision, l.starts_at, l.ended_at, l.state
         FROM loans l JOIN people p ON p.id = l.borrower_id WHERE l.copy_id = ? AND l.starts_at IS NOT NULL ORDER BY l.starts_at`,
      )
      .all(row.copy_id) as {
      card_number: string;
      login: string;
      name: string;
      copy_revision: number | null;
      starts_at: string | null;
      ended_at: string | null;
      state: string;
    }[]
  ).map((l): CopyHolder => ({
    card: l.card_number,
    borrower: { login: l.login, name: l.name },
    revision: l.copy_revision,
    from: l.starts_at,
    to: l.ended_at,
    state: l.state,
  }));
  return {
    id: view.id,
    kind: view.kind,
    number: view.number,
    copyNumber: view.copyNumber,
    revision: view.revision,
    person: view.person,
    manager: view.manager,
    description: view.description,
    at: view.at,
    marks: countMarks(db, row.person_id),
    holders,
    timeline: timeline(
      db,
      view.number,
      view.copyNumber,
      holders.map((h) => h.card),
    ),
  };
}

/** The incident register: department managers, the general manager and auditors. */
export async function incidentRegister(session: Session): Promise<IncidentDetail[]> {
  return session.perform({ action: 'incident.list', event: 'incident.register' }, (ctx) => {
    const db = session.archive.db;
    const list = listIncidents(db).map((i) => incidentDetail(db, i.id));
    ctx.addDetails({ count: list.length });
    return list;
  });
}

export async function incident(session: Session, raw: unknown): Promise<IncidentDetail> {
  const claimed = (raw as { id?: unknown } | null)?.id;
  return session.perform(
    { action: 'incident.list', event: 'incident.open', object: typeof claimed === 'number' ? { type: 'incident', id: String(claimed) } : null },
    () => incidentDetail(session.archive.db, parseInput(incidentIdSchema, raw).id),
  );
}

/** People with three or more marks, for the general manager's dashboard (建议辞退 as a flag only). */
export async function flaggedForManagement(session: Session): Promise<FlaggedPerson[]> {
  return session.perform({ action: 'incident.flagged', event: 'incident.flagged' }, () => flagged(session.archive.db));
}
