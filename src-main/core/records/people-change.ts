/**
 * People change (issue 16, point 8): an administrator changes a person's rank, department and
 * direct manager, journaled with the values before and after. The rules that bind duties to
 * people still hold: a custodian stays in a department that holds copies, the three separated
 * duties are untouched, an administrator does not change their own standing, and the managers'
 * chain has no circle. A responsible manager's dossiers follow them to their new department
 * (the department is whose review list a dossier is on).
 */
import { personChangeSchema } from '../../contract/lifecycle-people';
import type { ListedPerson } from '../../contract/people';
import type { Db } from '../db/connection';
import { ArchiveError } from '../errors';
import { listedFor } from '../people/listed';
import { findDepartment, findPersonById, findPersonByLogin, type PersonRecord } from '../people/repository';
import type { Session } from '../session';
import { parseInput } from '../validate';

function createsCycle(db: Db, personId: string, managerId: string): boolean {
  const seen = new Set<string>();
  for (let id: string | null = managerId; id !== null;) {
    if (id === personId) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    id = findPersonById(db, id)?.managerId ?? null;
  }
  return false;
}

export async function changePerson(session: Session, raw: unknown): Promise<ListedPerson> {
  const db = session.archive.db;
  const login = (raw as { login?: unknown } | null)?.login;
  return session.perform({ action: 'person.change', object: typeof login === 'string' && login.length <= 64 ? { type: 'person', id: login } : null }, (ctx) => {
    const input = parseInput(personChangeSchema, raw);
    const person = findPersonByLogin(db, input.login);
    if (!person) throw new ArchiveError('person.notFound', { login: input.login });
    ctx.setObject({ type: 'person', id: person.id });
    if (person.id === session.actor.id) throw new ArchiveError('person.self');
    const department = input.department ?? person.department;
    if (input.department !== undefined) {
      const dept = findDepartment(db, input.department);
      if (!dept) throw new ArchiveError('department.notFound', { code: input.department });
      if (person.duties.includes('custodian') && !dept.holdsCopy) throw new ArchiveError('person.custodianNeedsHoldingDepartment');
    }
    let manager: PersonRecord | null | undefined;
    if (input.manager === null) manager = null;
    else if (input.manager !== undefined) {
      manager = findPersonByLogin(db, input.manager);
      if (!manager || manager.disabled) throw new ArchiveError('person.notFound', { login: input.manager });
      if (manager.id === person.id || createsCycle(db, person.id, manager.id)) throw new ArchiveError('person.managerCycle', { login: input.manager });
    }
    const before = { rank: person.rank, department: person.department, manager: person.managerId };
    const after = {
      rank: input.rank ?? person.rank,
      department,
      manager: manager === undefined ? person.managerId : (manager?.id ?? null),
    };
    ctx.commit(
      () => {
        db.prepare('UPDATE people SET rank = ?, department = ?, manager_id = ? WHERE id = ?').run(after.rank, after.department, after.manager, person.id);
        if (after.department !== before.department) db.prepare('UPDATE dossiers SET department = ? WHERE responsible_id = ?').run(after.department, person.id);
      },
      { login: person.login, before, after },
    );
    return listedFor(session.actor, findPersonById(db, person.id)!);
  });
}
