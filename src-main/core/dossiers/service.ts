/**
 * Dossiers: create, save (every save a revision), file (★ fields, then the three copies), open
 * (rule 3, an access-log entry either way), a revision's readable diff, and "reviewed, no change".
 * Every function goes through `session.perform`, so the policy decides and the journal records.
 * Journal details name fields, never their values: auditors read the journal, not content.
 */
import {
  assignCollectorSchema,
  dossierRefSchema,
  dossierUpdateSchema,
  newDossierSchema,
  openDossierSchema,
  revisionRefSchema,
  SECTIONS,
  type DossierContent,
  type DossierSummary,
  type DossierView,
  type RevisionDiff,
} from '../../contract/dossiers';
import { ArchiveError } from '../errors';
import { findPersonById, findPersonByLogin } from '../people/repository';
import { can, type DossierFacts } from '../policy';
import type { Session } from '../session';
import { parseInput } from '../validate';
import { fileCopies } from '../copies/repository';
import { askedFor, catalogueColumns, claimedNumber, contentView, factsFor, requireDossier, resolveResponsible } from './context';
import { appendItems, diffContent, mergeContent, missingToFile, normalise, readable, replacesLists, sectionsOf, submittedChanges } from './fields';
import * as repo from './repository';
import { stampCelebrations } from './celebration-ids';

export async function createDossier(session: Session, raw: unknown): Promise<DossierSummary> {
  return session.perform({ action: 'dossier.create' }, (ctx) => {
    const input = parseInput(newDossierSchema, raw);
    if (input.maintenancePlan !== undefined) throw new ArchiveError('dossier.planMoved');
    const db = session.archive.db;
    const actor = session.actor;
    const asCollector = actor.duties.includes('collector');
    const content = stampCelebrations(undefined, normalise(input as DossierContent));
    // An account manager who opens a dossier for a customer is its responsible manager unless named.
    const responsible = resolveResponsible(db, content.classification?.responsibleManager) ?? (asCollector ? null : findPersonById(db, actor.id));
    if (responsible && !content.classification?.responsibleManager) {
      content.classification = { ...content.classification, responsibleManager: responsible.login };
    }
    const now = session.archive.clock.now();
    const changes = diffContent({}, content);
    return ctx.commit(
      () => {
        const number = repo.issueArchiveNumber(db, now.getUTCFullYear());
        ctx.setObject({ type: 'dossier', id: number });
        const id = repo.insertDossier(db, {
          number,
          ...catalogueColumns(content, responsible, actor.department),
          collectorId: asCollector ? actor.id : null,
          content,
          createdAt: now.toISOString(),
          createdBy: actor.id,
        });
        repo.insertRevision(db, id, 1, 'create', now.toISOString(), actor.id, changes);
        repo.indexDossier(db, id, repo.searchDocument(number, content), false);
        ctx.addDetails({ number });
        return { number, status: 'draft', revision: 1, customerName: content.basic!.customerName!, changedFields: changes.map((c) => c.field) };
      },
      { revision: 1, fields: changes.map((c) => c.field), collector: asCollector ? actor.login : null },
    );
  });
}

/**
 * A save makes a revision. A writer who may read the content (a draft they write, a loan) gets the
 * diff: which fields really changed. A writer who may not (a collector recording an update to a
 * filed dossier, domain.md) sends only new values and new list entries; the revision records what
 * they sent and the answer names only that, so nothing in it tells them what the dossier holds.
 */
export async function updateDossier(session: Session, raw: unknown): Promise<DossierSummary> {
  return session.perform(
    {
      action: 'dossier.update',
      object: claimedNumber(raw),
      load: () => {
        const input = parseInput(dossierUpdateSchema, raw);
        const dossier = requireDossier(session.archive.db, input.number);
        const facts: DossierFacts = { ...factsFor(session, dossier, true), replacesLists: replacesLists(input.changes as DossierContent) };
        return { input, dossier, facts };
      },
      target: ({ facts }) => ({ dossier: facts }),
    },
    (ctx, { input, dossier, facts }) => {
      const db = session.archive.db;
      // The yearly plan has its own records, writer and approval (core/plans); this field is read-only history.
      if (input.changes.maintenancePlan !== undefined) throw new ArchiveError('dossier.planMoved');
      if (input.expectedRevision !== undefined && input.expectedRevision !== dossier.revision) {
        throw new ArchiveError('dossier.staleRevision', { number: dossier.number, current: dossier.revision });
      }
      const blind = !can(session.actor, 'dossier.open', { dossier: facts }).allowed;
      const next = stampCelebrations(dossier.content, appendItems(mergeContent(dossier.content, input.changes as DossierContent), input.add));
      if (!next.basic?.customerName) throw new ArchiveError('input.invalid', { detail: 'basic.customerName: required' });
      const listCap = { keyPersons: 200, contactRecords: 2000, celebrations: 50 } as const;
      for (const [section, max] of Object.entries(listCap)) {
        if ((next[section as keyof typeof listCap]?.length ?? 0) > max) throw new ArchiveError('input.invalid', { detail: `${section}: at most ${max}` });
      }
      const changes = blind ? submittedChanges(dossier.content, next, input.changes as DossierContent, input.add) : diffContent(dossier.content, next);
      if (changes.length === 0) throw new ArchiveError('dossier.noChange');
      const responsible = resolveResponsible(db, next.classification?.responsibleManager);
      const collector = dossier.collectorId ? findPersonById(db, dossier.collectorId) : null;
      const at = session.archive.clock.now().toISOString();
      const revision = dossier.revision + 1;
      const fields = changes.map((c) => c.field);
      return ctx.commit(
        () => {
          // A save is also the quarterly adjustment (三个月增补或调整一次): it restarts the review clock.
          repo.updateDossier(db, dossier.id, {
            ...catalogueColumns(next, responsible, collector?.department ?? null),
            content: next,
            revision,
            at,
            reviewed: true,
          });
          repo.insertRevision(db, dossier.id, revision, 'update', at, session.actor.id, changes);
          repo.indexDossier(db, dossier.id, repo.searchDocument(dossier.number, next), true);
          return { number: dossier.number, status: dossier.status, revision, customerName: next.basic!.customerName!, changedFields: fields };
        },
        { revision, fields, sections: sectionsOf(changes), ...(blind ? { withoutReading: true } : {}) },
      );
    },
  );
}

/** Filing: every ★ field filled, then one copy per holding department reflecting this revision. */
export async function fileDossier(session: Session, raw: unknown): Promise<{ number: string; copies: string[] }> {
  return session.perform(
    {
      action: 'dossier.file',
      object: claimedNumber(raw),
      load: () => requireDossier(session.archive.db, parseInput(dossierRefSchema, raw).number),
      target: (dossier) => ({ dossier: factsFor(session, dossier) }),
    },
    (ctx, dossier) => {
      const db = session.archive.db;
      if (dossier.status === 'filed') throw new ArchiveError('dossier.alreadyFiled', { number: dossier.number });
      const missing = missingToFile(dossier.content);
      if (missing.length) {
        ctx.addDetails({ missing });
        throw new ArchiveError('dossier.incomplete', { fields: missing.join(', ') });
      }
      const at = session.archive.clock.now().toISOString();
      return ctx.commit(() => {
        repo.markFiled(db, dossier.id, at, session.actor.id);
        const copies = fileCopies(db, dossier.id, dossier.number, dossier.revision, at);
        ctx.addDetails({ revision: dossier.revision, copies });
        return { number: dossier.number, copies };
      });
    },
  );
}

/**
 * Opening content: allowed or refused, an access-log entry naming the sections asked for and shown.
 * `context` adds what the caller knows about why the dossier is read (a loan's card and copy
 * numbers), so the one access-log entry names the loan it was read through.
 */
export async function openDossier(session: Session, raw: unknown, context: Record<string, unknown> = {}): Promise<DossierView> {
  return session.perform(
    {
      action: 'dossier.open',
      object: claimedNumber(raw),
      details: { ...context, sections: askedFor((raw as { sections?: unknown } | null)?.sections ?? 'all') },
      load: () => {
        const input = parseInput(openDossierSchema, raw);
        const asked = input.sections;
        const sections: (typeof SECTIONS)[number][] = asked ? SECTIONS.filter((s) => asked.includes(s)) : [...SECTIONS];
        return { sections, dossier: requireDossier(session.archive.db, input.number) };
      },
      target: ({ dossier }) => ({ dossier: factsFor(session, dossier, true) }),
    },
    (ctx, { sections, dossier }) => {
      ctx.addDetails({ sections, revision: dossier.revision });
      return contentView(dossier, sections);
    },
  );
}

/** A revision's field-by-field diff (old and new values): content, so rule 3 decides who sees it. */
export async function revisionDiff(session: Session, raw: unknown): Promise<RevisionDiff> {
  return session.perform(
    {
      action: 'dossier.revision',
      event: 'dossier.open',
      object: claimedNumber(raw),
      details: { view: 'revision', revision: askedFor((raw as { revision?: unknown } | null)?.revision) },
      load: () => {
        const input = parseInput(revisionRefSchema, raw);
        return { revision: input.revision, dossier: requireDossier(session.archive.db, input.number) };
      },
      target: ({ dossier }) => ({ dossier: factsFor(session, dossier, true) }),
    },
    (ctx, { revision, dossier }) => {
      const db = session.archive.db;
      const found = repo.findRevision(db, dossier.id, revision);
      if (!found) throw new ArchiveError('revision.notFound', { number: dossier.number, revision });
      const by = findPersonById(db, found.actorId);
      ctx.addDetails({ sections: sectionsOf(found.changes) });
      return {
        number: dossier.number,
        revision: found.revision,
        kind: found.kind,
        at: found.at,
        by: by ? { login: by.login, name: by.name } : null,
        changes: readable(found.changes),
      };
    },
  );
}

/** 三个月增补或调整一次: "reviewed, no change" restarts the review clock without a new revision. */
export async function reviewDossier(session: Session, raw: unknown): Promise<{ number: string; reviewedAt: string }> {
  return session.perform(
    {
      action: 'dossier.review',
      object: claimedNumber(raw),
      load: () => requireDossier(session.archive.db, parseInput(dossierRefSchema, raw).number),
      target: (dossier) => ({ dossier: factsFor(session, dossier) }),
    },
    (ctx, dossier) => {
      if (dossier.status !== 'filed') throw new ArchiveError('dossier.notFiled', { number: dossier.number });
      const at = session.archive.clock.now().toISOString();
      return ctx.commit(
        () => {
          repo.markReviewed(session.archive.db, dossier.id, at, session.actor.id);
          return { number: dossier.number, reviewedAt: at };
        },
        { result: 'no-change', revision: dossier.revision, previousReview: dossier.lastReviewedAt },
      );
    },
  );
}

/** Assigns the customer to a collector: from then on they, not the previous one, record its updates. */
export async function assignCollector(session: Session, raw: unknown): Promise<{ number: string; collector: string }> {
  return session.perform(
    {
      action: 'dossier.assign',
      object: claimedNumber(raw),
      load: () => {
        const input = parseInput(assignCollectorSchema, raw);
        return { login: input.collectorLogin, dossier: requireDossier(session.archive.db, input.number) };
      },
      target: ({ dossier }) => ({ dossier: factsFor(session, dossier) }),
    },
    (ctx, { login, dossier }) => {
      const db = session.archive.db;
      const collector = findPersonByLogin(db, login);
      if (!collector || collector.disabled || !collector.duties.includes('collector')) throw new ArchiveError('dossier.notCollector', { login });
      const previous = dossier.collectorId ? findPersonById(db, dossier.collectorId) : null;
      return ctx.commit(
        () => {
          repo.setCollector(db, dossier.id, collector.id);
          return { number: dossier.number, collector: collector.login };
        },
        { from: previous?.login ?? null, to: collector.login },
      );
    },
  );
}
