/**
 * Many dossiers in one transaction (the demo archive; a future import). One `session.perform` per
 * batch, so the batch is one journal entry — `dossier.create` with `bulk: true`, the count and the
 * first and last archive numbers — rather than one entry per dossier. Everything else is as for a
 * single dossier: the same validation, numbers issued by the core, a revision each, the search
 * rows, and for filed ones the ★ check and the three copies.
 */
import { z } from 'zod';
import { newDossierSchema, type DossierContent } from '../../contract/dossiers';
import { ArchiveError } from '../errors';
import type { PersonRecord } from '../people/repository';
import type { Session } from '../session';
import { parseInput } from '../validate';
import { fileCopies, holdingDepartments } from '../copies/repository';
import { catalogueColumns, resolveResponsible } from './context';
import { diffContent, missingToFile, normalise } from './fields';
import * as repo from './repository';

const isoSchema = z.string().datetime();
export const bulkDossierSchema = z
  .object({
    content: newDossierSchema,
    /** When the dossier was opened (the demo spreads an archive's history over past years). */
    createdAt: isoSchema,
    /** Filed at createdAt, reviewed last at reviewedAt (default createdAt). */
    file: z.boolean().default(false),
    reviewedAt: isoSchema.optional(),
  })
  .strict();
export const bulkBatchSchema = z.array(bulkDossierSchema).min(1).max(10_000);
export type BulkDossier = z.input<typeof bulkDossierSchema>;

export async function bulkCreateDossiers(session: Session, raw: unknown): Promise<{ numbers: string[]; filed: number }> {
  return session.perform({ action: 'dossier.bulkCreate', event: 'dossier.create', details: { bulk: true } }, (ctx) => {
    const items = parseInput(bulkBatchSchema, raw);
    const db = session.archive.db;
    const actor = session.actor;
    const asCollector = actor.duties.includes('collector');
    const responsibles = new Map<string, PersonRecord | null>();
    const prepared = items.map((item, i) => {
      const content = normalise(item.content as DossierContent);
      const login = content.classification?.responsibleManager;
      if (login && !responsibles.has(login)) responsibles.set(login, resolveResponsible(db, login));
      if (item.file) {
        const missing = missingToFile(content);
        if (missing.length) throw new ArchiveError('dossier.incomplete', { fields: `[${i}] ${missing.join(', ')}` });
      }
      return { item, content, responsible: login ? responsibles.get(login)! : null };
    });
    const holdings = holdingDepartments(db);
    // What the held_by trigger would write once the copies exist (migrations 0080, 0090).
    const heldBy = ` ${holdings
      .map((h) => h.code)
      .sort()
      .join(' ')} `;
    return ctx.commit(() => {
      const numbers: string[] = [];
      let filed = 0;
      // Numbers are issued per year in one step; items keep their order within each year.
      const years = prepared.map(({ item }) => new Date(item.createdAt).getUTCFullYear());
      const pools = new Map<number, string[]>();
      for (const year of new Set(years)) pools.set(year, repo.issueArchiveNumbers(db, year, years.filter((y) => y === year).length));
      for (const [i, { item, content, responsible }] of prepared.entries()) {
        const number = pools.get(years[i]!)!.shift()!;
        const id = repo.insertDossier(db, {
          number,
          ...catalogueColumns(content, responsible, actor.department),
          collectorId: asCollector ? actor.id : null,
          content,
          createdAt: item.createdAt,
          createdBy: actor.id,
          filed: item.file ? { at: item.createdAt, lastReviewedAt: item.reviewedAt ?? item.createdAt, heldBy } : undefined,
        });
        repo.insertRevision(db, id, 1, 'create', item.createdAt, actor.id, diffContent({}, content));
        repo.indexDossier(db, id, repo.searchDocument(number, content), false);
        if (item.file) {
          fileCopies(db, id, number, 1, item.createdAt, holdings);
          filed++;
        }
        numbers.push(number);
      }
      ctx.addDetails({ count: numbers.length, filed, first: numbers[0], last: numbers[numbers.length - 1] });
      return { numbers, filed };
    });
  });
}
