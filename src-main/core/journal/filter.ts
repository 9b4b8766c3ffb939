/**
 * What auditors may filter the journal by (domain.md, Journal): time, person, dossier (any object),
 * event type and outcome. Validated before it reaches SQL; values travel as bound parameters only.
 */
import { z } from 'zod';
import type { Db } from '../db/connection';
import { ArchiveError } from '../errors';
import { findPersonByLogin } from '../people/repository';
import { parseInput } from '../validate';

const isoInstant = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), 'an ISO 8601 date or time')
  // Stored times are `Date#toISOString()` text, so the same form compares correctly as a string.
  .transform((s) => new Date(s).toISOString());

export const journalFilterSchema = z
  .object({
    /** Inclusive. */
    from: isoInstant.optional(),
    /** Exclusive. */
    to: isoInstant.optional(),
    /** A login; resolved to `actorId` by `resolveFilter`, so entries of a renamed person still match. */
    person: z.string().trim().min(1).max(64).optional(),
    actorId: z.string().min(1).max(100).optional(),
    object: z.object({ type: z.string().min(1).max(40), id: z.string().min(1).max(200) }).optional(),
    event: z.string().min(1).max(100).optional(),
    outcome: z.enum(['ok', 'denied', 'error']).optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from < f.to, { message: 'from must be before to', path: ['to'] });

export type JournalFilter = z.output<typeof journalFilterSchema>;

export function parseFilter(raw: unknown): JournalFilter {
  return parseInput(journalFilterSchema, raw ?? {});
}

/** Parses a filter and turns a login into the person's id; an unknown login is refused, not matched to nothing. */
export function resolveFilter(db: Db, raw: unknown): JournalFilter {
  const filter = parseFilter(raw);
  if (filter.person === undefined) return filter;
  const person = findPersonByLogin(db, filter.person);
  if (!person) throw new ArchiveError('person.notFound', { login: filter.person });
  if (filter.actorId !== undefined && filter.actorId !== person.id) throw new ArchiveError('input.invalid', { detail: 'person and actorId differ' });
  return { ...filter, actorId: person.id };
}

/**
 * The WHERE clause for a filter, with `seq` bounds for keyset paging. Every value is a parameter.
 *
 * Only one equality gets an index; the others are written `+column` (SQLite's documented way to
 * keep a term off an index). Without statistics SQLite picked `journal_by_outcome` for
 * `outcome = 'ok'` (nearly every entry) even beside a dossier filter, and walked the whole journal
 * for a handful of hits. Order: a dossier (a few hundred entries), a person, a rare outcome, an event, then
 * `ok`. Each of those indexes ends in `seq`, so the page is read in chain order and stops at LIMIT.
 * Time is never indexed: query.ts narrows `seq` ranges with `journal_time_blocks` instead.
 */
export function whereClause(filter: JournalFilter, afterSeq: number, maxSeq: number): { sql: string; params: unknown[] } {
  const parts = ['seq > ?', 'seq <= ?'];
  const params: unknown[] = [afterSeq, maxSeq];
  const indexed =
    filter.object !== undefined
      ? 'object'
      : filter.actorId !== undefined
        ? 'actor'
        : filter.outcome !== undefined && filter.outcome !== 'ok'
          ? 'outcome'
          : filter.event !== undefined
            ? 'event'
            : 'outcome';
  const col = (name: string, key: typeof indexed) => (indexed === key ? name : '+' + name);
  if (filter.actorId !== undefined) {
    parts.push(`${col('actor_id', 'actor')} = ?`);
    params.push(filter.actorId);
  }
  if (filter.object !== undefined) {
    parts.push('object_type = ?', `${col('object_id', 'object')} = ?`);
    params.push(filter.object.type, filter.object.id);
  }
  if (filter.event !== undefined) {
    parts.push(`${col('event', 'event')} = ?`);
    params.push(filter.event);
  }
  if (filter.outcome !== undefined) {
    parts.push(`${col('outcome', 'outcome')} = ?`);
    params.push(filter.outcome);
  }
  if (filter.from !== undefined) {
    parts.push('+at >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    parts.push('+at < ?');
    params.push(filter.to);
  }
  return { sql: parts.join(' AND '), params };
}
