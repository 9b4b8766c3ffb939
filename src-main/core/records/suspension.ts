/**
 * Suspension (issue 16, point 7): a department manager of the person's department, or the general
 * manager, suspends a person's rights at once and can lift it; unlike disabling, it is undone.
 * The policy refuses every operation of a suspended actor (`Actor.suspended`), which
 * `Session.refreshActor` reads before every decision, so it applies at once in every session.
 */
import { liftSchema, suspendSchema, type SuspensionView } from '../../contract/lifecycle-people';
import type { Db } from '../db/connection';
import { ArchiveError } from '../errors';
import { findPersonByLogin, type PersonRecord } from '../people/repository';
import type { Session } from '../session';
import { parseInput } from '../validate';

export function isSuspended(db: Db, personId: string): boolean {
  return db.prepare('SELECT 1 FROM suspensions WHERE person_id = ? AND lifted_at IS NULL').get(personId) !== undefined;
}

function requirePerson(db: Db, login: string): PersonRecord {
  const person = findPersonByLogin(db, login);
  if (!person) throw new ArchiveError('person.notFound', { login });
  return person;
}

const claimedLogin = (raw: unknown) => {
  const login = (raw as { login?: unknown } | null)?.login;
  return typeof login === 'string' && login.length <= 64 ? { type: 'person', id: login } : null;
};

export async function suspendPerson(session: Session, raw: unknown): Promise<SuspensionView> {
  const db = session.archive.db;
  return session.perform(
    {
      action: 'person.suspend',
      object: claimedLogin(raw),
      load: () => {
        const input = parseInput(suspendSchema, raw);
        return { input, person: requirePerson(db, input.login) };
      },
      target: ({ person }) => ({ lifecycle: { departments: [person.department], personId: person.id } }),
    },
    (ctx, { input, person: p }) => {
      ctx.setObject({ type: 'person', id: p.id });
      if (isSuspended(db, p.id)) throw new ArchiveError('suspension.already', { login: p.login });
      const at = session.archive.clock.now().toISOString();
      ctx.commit(
        () =>
          db
            .prepare('INSERT INTO suspensions (person_id, reason, suspended_by, suspended_at) VALUES (?, ?, ?, ?)')
            .run(p.id, input.reason, session.actor.id, at),
        { login: p.login },
      );
      return {
        person: { login: p.login, name: p.name, department: p.department },
        reason: input.reason,
        by: { login: session.actor.login, name: session.actor.name },
        at,
      };
    },
  );
}

export async function liftSuspension(session: Session, raw: unknown): Promise<{ login: string; lifted: true }> {
  const db = session.archive.db;
  return session.perform(
    {
      action: 'person.unsuspend',
      object: claimedLogin(raw),
      load: () => {
        const input = parseInput(liftSchema, raw);
        return { input, person: requirePerson(db, input.login) };
      },
      target: ({ person }) => ({ lifecycle: { departments: [person.department], personId: person.id } }),
    },
    (ctx, { input, person: p }) => {
      ctx.setObject({ type: 'person', id: p.id });
      if (!isSuspended(db, p.id)) throw new ArchiveError('suspension.none', { login: p.login });
      const at = session.archive.clock.now().toISOString();
      ctx.commit(
        () => db.prepare('UPDATE suspensions SET lifted_by = ?, lifted_at = ? WHERE person_id = ? AND lifted_at IS NULL').run(session.actor.id, at, p.id),
        { login: p.login, note: input.note },
      );
      return { login: p.login, lifted: true as const };
    },
  );
}

/** The people suspended now, for managers (the list is journaled as a read of the incident register). */
export async function listSuspensions(session: Session): Promise<SuspensionView[]> {
  return session.perform({ action: 'incident.list', event: 'suspension.list' }, () =>
    (
      session.archive.db
        .prepare(
          `SELECT p.login, p.name, p.department, s.reason, b.login AS by_login, b.name AS by_name, s.suspended_at
           FROM suspensions s JOIN people p ON p.id = s.person_id JOIN people b ON b.id = s.suspended_by
           WHERE s.lifted_at IS NULL ORDER BY s.suspended_at DESC`,
        )
        .all() as { login: string; name: string; department: string; reason: string; by_login: string; by_name: string; suspended_at: string }[]
    ).map((r) => ({
      person: { login: r.login, name: r.name, department: r.department },
      reason: r.reason,
      by: { login: r.by_login, name: r.by_name },
      at: r.suspended_at,
    })),
  );
}
