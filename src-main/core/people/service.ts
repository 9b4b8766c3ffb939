/**
 * People and departments: what administrators do. Every function goes through `session.perform`,
 * so the policy decides and the journal records, whatever happens.
 *
 * A person's slot lives in the keyring file and their record in the database: the keyring is
 * written first with the new slot, then the database commits, and a slot the database does not
 * own is ignored at unlock and pruned later — so a killed process never leaves a person without a
 * way in, nor a removed person with one.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  departmentCodeSchema,
  loginSchema,
  MIN_PASSWORD_LENGTH,
  newDepartmentSchema,
  newPersonSchema,
  passwordSchema,
  SEPARATED_DUTIES,
  DUTIES,
  type DepartmentView,
  type Duty,
  type ListedPerson,
} from '../../contract/people';
import { ArchiveError } from '../errors';
import type { Session } from '../session';
import { parseInput } from '../validate';
import { passwordBytes } from '../vault/password';
import { loginLocator } from '../vault/seal';
import { createSlot } from '../vault/slots';
import { issuePersonKey, resealPersonKey } from '../vault/signing-keys';
import type { OpenArchive } from '../vault/open-archive';
import type { Slot } from '../vault/keyring';
import { listedFor } from './listed';
import * as repo from './repository';
import { releaseLoansOf } from '../loans/departing';

function checkDuties(archive: OpenArchive, department: string, duties: readonly Duty[]): void {
  if (duties.filter((d) => SEPARATED_DUTIES.includes(d)).length > 1) throw new ArchiveError('person.dutyConflict');
  const dept = repo.findDepartment(archive.db, department);
  if (!dept) throw new ArchiveError('department.notFound', { code: department });
  if (duties.includes('custodian') && !dept.holdsCopy) throw new ArchiveError('person.custodianNeedsHoldingDepartment');
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new ArchiveError('person.weakPassword', { min: MIN_PASSWORD_LENGTH });
}

/** A person slot for this login under `secret` (zeroed once the slot is made, whatever happens). */
export async function personSlot(archive: OpenArchive, login: string, secret: Buffer): Promise<Slot> {
  try {
    return await createSlot(
      {
        archiveId: archive.archiveId,
        epoch: archive.keyring.epoch,
        kind: 'person',
        locator: loginLocator(login, archive.keyring.locatorSalt),
        cost: await archive.kdfCost(),
      },
      secret,
      archive.databaseKey,
    );
  } finally {
    secret.fill(0);
  }
}

/** Keyring first, then the database; undo the keyring if the database refuses. */
export async function withNewSlot<T>(archive: OpenArchive, slot: Slot, replacing: string | null, commit: () => T): Promise<T> {
  const before = archive.keyring;
  archive.saveKeyring({ ...before, slots: [...before.slots, slot] });
  let result: T;
  try {
    result = commit();
  } catch (error) {
    archive.saveKeyring({ ...archive.keyring, slots: archive.keyring.slots.filter((s) => s.id !== slot.id) });
    throw error;
  }
  if (replacing) removeSlots(archive, [replacing]);
  return result;
}

function removeSlots(archive: OpenArchive, ids: readonly string[]): void {
  const drop = new Set(ids);
  if (archive.keyring.slots.some((s) => drop.has(s.id))) {
    archive.saveKeyring({ ...archive.keyring, slots: archive.keyring.slots.filter((s) => !drop.has(s.id)) });
  }
}

/** Slots no active person owns (an interrupted change, a removed person): gone. */
export function pruneOrphanSlots(archive: OpenArchive): number {
  const owned = repo.activeSlotIds(archive.db);
  const orphans = archive.keyring.slots.filter((s) => s.kind === 'person' && !owned.has(s.id)).map((s) => s.id);
  removeSlots(archive, orphans);
  return orphans.length;
}

export async function addPerson(session: Session, raw: unknown): Promise<ListedPerson> {
  return session.perform({ action: 'person.add', details: { login: (raw as { login?: unknown } | null)?.login ?? null } }, async (ctx) => {
    const input = parseInput(newPersonSchema, raw);
    const archive = session.archive;
    checkPassword(input.password);
    if (repo.findPersonByLogin(archive.db, input.login)) throw new ArchiveError('person.loginTaken', { login: input.login });
    checkDuties(archive, input.department, input.duties);
    let managerId: string | null = null;
    if (input.managerLogin) {
      const manager = repo.findPersonByLogin(archive.db, input.managerLogin);
      if (!manager) throw new ArchiveError('person.notFound', { login: input.managerLogin });
      managerId = manager.id;
    }
    const slot = await personSlot(archive, input.login, passwordBytes(input.password));
    const id = randomUUID();
    ctx.setObject({ type: 'person', id });
    return withNewSlot(archive, slot, null, () =>
      ctx.commit(
        () => {
          repo.insertPerson(archive.db, {
            id,
            login: input.login,
            name: input.name,
            department: input.department,
            rank: input.rank,
            duties: input.duties,
            managerId,
            slotId: slot.id,
            createdAt: archive.clock.now().toISOString(),
          });
          // Their signing key, recorded in this entry, which the administrator's session signs.
          ctx.addDetails({ signingKey: issuePersonKey(archive.db, archive.archiveId, id, slot) });
          return listedFor(session.actor, repo.findPersonById(archive.db, id)!);
        },
        { name: input.name, department: input.department, rank: input.rank, duties: input.duties, manager: input.managerLogin ?? null },
      ),
    );
  });
}

export async function listPeople(session: Session): Promise<ListedPerson[]> {
  return session.perform({ action: 'person.list' }, (ctx) => {
    const people = repo.listPeople(session.archive.db).map((person) => listedFor(session.actor, person));
    ctx.addDetails({ count: people.length });
    return people;
  });
}

function personByLogin(session: Session, login: unknown) {
  const parsed = parseInput(loginSchema, login);
  const person = repo.findPersonByLogin(session.archive.db, parsed);
  if (!person) throw new ArchiveError('person.notFound', { login: parsed });
  return person;
}

/**
 * 离职交接: a departing person's slot is deleted at once, so their password opens nothing from now
 * on. Loans, offline packages and dossier handover join this as those features arrive.
 */
export async function disablePerson(session: Session, login: unknown): Promise<ListedPerson> {
  return session.perform({ action: 'person.disable', details: { login: typeof login === 'string' ? login : null } }, (ctx) => {
    const archive = session.archive;
    const person = personByLogin(session, login);
    ctx.setObject({ type: 'person', id: person.id });
    if (person.id === session.actor.id) throw new ArchiveError('person.self');
    if (person.disabled) return listedFor(session.actor, person);
    if (person.duties.includes('admin') && repo.countActiveWithDuty(archive.db, 'admin') <= 1) throw new ArchiveError('person.lastAdmin');
    const view = ctx.commit(
      () => {
        repo.markDisabled(archive.db, person.id, archive.clock.now().toISOString());
        // Rule 7: their loans are recalled and their cards cancelled in the same transaction.
        const departure = releaseLoansOf(archive.db, person.id, session.actor.id, archive.clock.now());
        ctx.addDetails({ loansRecalled: departure.recalled, cardsCancelled: departure.cancelled, packagesRevoked: departure.packagesRevoked });
        return listedFor(session.actor, repo.findPersonById(archive.db, person.id)!);
      },
      { slotRemoved: person.slotId !== null },
    );
    if (person.slotId) removeSlots(archive, [person.slotId]);
    return view;
  });
}

export const setDutiesSchema = z.object({ login: loginSchema, duties: z.array(z.enum(DUTIES)).max(DUTIES.length) });

export async function setDuties(session: Session, raw: unknown): Promise<ListedPerson> {
  return session.perform({ action: 'person.setDuties' }, (ctx) => {
    const input = parseInput(setDutiesSchema, raw);
    const archive = session.archive;
    const person = personByLogin(session, input.login);
    ctx.setObject({ type: 'person', id: person.id });
    checkDuties(archive, person.department, input.duties);
    const losesAdmin = person.duties.includes('admin') && !input.duties.includes('admin');
    if (losesAdmin && repo.countActiveWithDuty(archive.db, 'admin') <= 1) throw new ArchiveError('person.lastAdmin');
    return ctx.commit(
      () => {
        repo.replaceDuties(archive.db, person.id, input.duties);
        return listedFor(session.actor, repo.findPersonById(archive.db, person.id)!);
      },
      { before: person.duties, after: [...new Set(input.duties)].sort() },
    );
  });
}

/**
 * Setting a password directly: only one's own now. For anyone else it would let the administrator
 * act as them; that takes a reset approved by a second person (people/resets.ts).
 */
export async function resetPassword(session: Session, login: unknown, newPassword: unknown): Promise<void> {
  await session.perform(
    { action: 'person.resetPassword', load: () => personByLogin(session, login), target: (person) => ({ personId: person.id }) },
    async (ctx, person) => {
      ctx.setObject({ type: 'person', id: person.id });
      if (person.disabled) throw new ArchiveError('person.disabled', { login: person.login });
      const password = parseInput(passwordSchema, newPassword);
      checkPassword(password);
      await replaceSlot(session, person, password, ctx.commit, ctx.addDetails);
    },
  );
}

/** Anyone changes their own password; the slot is re-made under it. */
export async function changeOwnPassword(session: Session, newPassword: unknown): Promise<void> {
  const self = session.actor;
  await session.perform({ action: 'person.changeOwnPassword', object: { type: 'person', id: self.id }, target: { personId: self.id } }, async (ctx) => {
    const password = parseInput(passwordSchema, newPassword);
    checkPassword(password);
    const person = repo.findPersonById(session.archive.db, self.id)!;
    await replaceSlot(session, person, password, ctx.commit, ctx.addDetails);
  });
}

async function replaceSlot(
  session: Session,
  person: repo.PersonRecord,
  password: string,
  commit: (change: () => void, details?: Record<string, unknown>) => void,
  addDetails: (details: Record<string, unknown>) => void,
): Promise<void> {
  const archive = session.archive;
  const slot = await personSlot(archive, person.login, passwordBytes(password));
  await withNewSlot(archive, slot, person.slotId, () =>
    commit(() => {
      repo.setSlot(archive.db, person.id, slot.id);
      // The signing key follows the slot: one's own key is sealed to the new slot; someone else's
      // cannot be opened here, so they get a new one, recorded in this entry (signed by the administrator).
      const own = archive.journal.signerOf(session.actor.id);
      if (own && own.personId === person.id) resealPersonKey(archive.db, archive.archiveId, own, slot);
      else addDetails({ signingKey: issuePersonKey(archive.db, archive.archiveId, person.id, slot, archive.journal) });
    }),
  );
}

export async function addDepartment(session: Session, raw: unknown): Promise<DepartmentView> {
  return session.perform({ action: 'department.add' }, (ctx) => {
    const input = parseInput(newDepartmentSchema, raw);
    const db = session.archive.db;
    ctx.setObject({ type: 'department', id: input.code });
    if (repo.findDepartment(db, input.code)) throw new ArchiveError('department.exists', { code: input.code });
    const view: DepartmentView = {
      code: input.code,
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      holdsCopy: input.holdsCopy,
      copySuffix: input.copySuffix ?? null,
    };
    if (view.holdsCopy && !view.copySuffix) throw new ArchiveError('input.invalid', { detail: 'copySuffix: required for a holding department' });
    return ctx.commit(
      () => {
        repo.insertDepartment(db, view, session.archive.clock.now().toISOString());
        return view;
      },
      { ...view },
    );
  });
}

export async function listDepartments(session: Session): Promise<DepartmentView[]> {
  return session.perform({ action: 'department.list' }, () => repo.listDepartments(session.archive.db));
}

export { departmentCodeSchema };
