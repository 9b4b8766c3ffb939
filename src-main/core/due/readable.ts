/**
 * Whether a due item may name what the dossier's content holds (a key person's name, a
 * celebration's title): rule 3, asked of the policy per dossier with the facts of this moment.
 */
import { activeLoanDossierIds, can } from '../policy';
import { readSettings } from '../settings/service';
import type { DueQuery } from './sources';

export interface DossierRow {
  id: number;
  status: 'draft' | 'filed';
  collector_id: string | null;
  responsible_id: string | null;
  department: string | null;
}

export function contentReader(query: DueQuery): (row: DossierRow) => boolean {
  const loans = new Set(activeLoanDossierIds(query.archive.db, query.actor.id, query.now));
  const standingAccess = readSettings(query.archive.db).standingAccess;
  const seen = new Map<number, boolean>();
  return (row) => {
    let may = seen.get(row.id);
    if (may === undefined) {
      may = can(query.actor, 'dossier.open', {
        dossier: {
          status: row.status,
          collectorId: row.collector_id,
          responsibleId: row.responsible_id,
          department: row.department,
          activeLoan: loans.has(row.id),
          standingAccess,
        },
      }).allowed;
      seen.set(row.id, may);
    }
    return may;
  };
}
