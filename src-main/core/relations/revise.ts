/**
 * A survey's or re-grading's change to the catalogue's classification (grade, lifecycle stage) is
 * a revision of the dossier like any save: old and new values, the catalogue columns, the copies
 * lagging until re-issued (档案一旦修改就会存有记录).
 */
import type { Grade, LifecycleStage } from '../../contract/dossiers';
import type { Db } from '../db/connection';
import { diffContent, mergeContent } from '../dossiers/fields';
import * as repo from '../dossiers/repository';

/** Applies the change inside the caller's transaction; the new revision, or null when nothing changed. */
export function reviseClassification(
  db: Db,
  dossier: repo.DossierRecord,
  change: { grade?: Grade; lifecycle?: LifecycleStage },
  at: string,
  actorId: string,
): number | null {
  const next = mergeContent(dossier.content, { classification: change } as typeof dossier.content);
  const changes = diffContent(dossier.content, next);
  if (changes.length === 0) return null;
  const revision = dossier.revision + 1;
  repo.updateDossier(db, dossier.id, {
    customerName: dossier.customerName,
    industry: dossier.industry,
    grade: change.grade ?? dossier.grade,
    lifecycle: change.lifecycle ?? dossier.lifecycle,
    secrecy: dossier.secrecy,
    responsibleId: dossier.responsibleId,
    department: dossier.department,
    content: next,
    revision,
    at,
    reviewed: false,
  });
  repo.insertRevision(db, dossier.id, revision, 'update', at, actorId, changes);
  return revision;
}
