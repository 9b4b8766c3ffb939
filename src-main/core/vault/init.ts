/**
 * `init`: a new archive folder with its encrypted database, keyring, signing key, default
 * departments, the first administrator and the recovery key (returned once, never stored).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { departmentCodeSchema, loginSchema, MIN_PASSWORD_LENGTH, passwordSchema, personNameSchema, RANKS } from '../../contract/people';
import { openDatabase } from '../db/connection';
import { migrate } from '../db/migrate';
import { ArchiveError } from '../errors';
import { keyFingerprint } from '../journal/signer';
import { keyRecord, newPersonKey, personSigner, sealPersonKey, storePersonKey } from './signing-keys';
import { DEFAULT_DEPARTMENTS } from '../people/defaults';
import { insertDepartment, insertPerson, findPersonById, toActor } from '../people/repository';
import { Session } from '../session';
import { parseInput } from '../validate';
import { DATABASE_FILE, KEYRING_FILE, NEXT_KEYRING_FILE, writeKeyring, type Keyring } from './keyring';
import { createSlot, newRecoveryKey, normaliseRecoveryKey } from './slots';
import { loginLocator } from './seal';
import { kdfCostFor, OpenArchive, resolveOptions, type ArchiveOptions } from './open-archive';
import { passwordBytes } from './password';
import { acquireArchiveLock } from './holder-lock';
import { assertLocalFolder } from './network-folder';

export const initInputSchema = z.object({
  folder: z.string().min(1),
  adminLogin: loginSchema,
  adminName: personNameSchema,
  adminPassword: passwordSchema,
  adminDepartment: departmentCodeSchema.default('it'),
  adminRank: z.enum(RANKS).default('staff'),
});
export type InitInput = z.input<typeof initInputSchema>;

export async function initArchive(raw: InitInput, options: ArchiveOptions = {}): Promise<{ session: Session; recoveryKey: string }> {
  const input = parseInput(initInputSchema, raw);
  if (input.adminPassword.length < MIN_PASSWORD_LENGTH) throw new ArchiveError('person.weakPassword', { min: MIN_PASSWORD_LENGTH });
  const resolved = resolveOptions(options);
  const { folder } = input;
  for (const file of [KEYRING_FILE, DATABASE_FILE, NEXT_KEYRING_FILE]) {
    if (existsSync(join(folder, file))) throw new ArchiveError('vault.alreadyExists', { path: folder });
  }
  assertLocalFolder(folder, resolved.fsTypeOf);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // Held from the first byte: a second `init` on the same folder at the same moment is refused.
  const lock = acquireArchiveLock(folder, { workstation: resolved.workstation, now: resolved.clock.now() });
  if (existsSync(join(folder, KEYRING_FILE)) || existsSync(join(folder, DATABASE_FILE))) {
    lock.release();
    throw new ArchiveError('vault.alreadyExists', { path: folder });
  }

  const archiveId = randomUUID();
  const databaseKey = randomBytes(32);
  // The founding administrator's key is the archive's root: what auditors compare out of band.
  const signing = newPersonKey();
  const recoverySigning = newPersonKey();
  const cost = await kdfCostFor(resolved.kdfTargetMs);
  const locatorSalt = randomBytes(16).toString('base64');
  const recoveryKey = newRecoveryKey();
  const password = passwordBytes(input.adminPassword);
  const recoverySecret = normaliseRecoveryKey(recoveryKey);
  const spec = { archiveId, epoch: 1, cost };
  const adminSlot = await createSlot({ ...spec, kind: 'person', locator: loginLocator(input.adminLogin, locatorSalt) }, password, databaseKey);
  const recoverySlot = await createSlot({ ...spec, kind: 'recovery', locator: null }, recoverySecret, databaseKey);
  password.fill(0);
  recoverySecret.fill(0);

  const keyring: Keyring = {
    format: 'triplicate-keyring',
    version: 1,
    archiveId,
    epoch: 1,
    locatorSalt,
    signingKey: { publicKey: signing.publicKey.toString('base64'), fingerprint: keyFingerprint(signing.publicKey) },
    journalHead: null,
    slots: [adminSlot, recoverySlot],
  };

  const dbPath = join(folder, DATABASE_FILE);
  let db;
  try {
    db = openDatabase(dbPath, databaseKey, { create: true });
    // Owner-only, like the keyring; SQLite gives its -wal and -shm files the same mode.
    if (process.platform !== 'win32') chmodSync(dbPath, 0o600);
    migrate(db);
    const now = resolved.clock.now().toISOString();
    const adminId = randomUUID();
    db.transaction(() => {
      const meta = db!.prepare('INSERT INTO archive_meta (key, value) VALUES (?, ?)');
      meta.run('archive_id', archiveId);
      meta.run('created_at', now);
      // The recovery key signs for an administrator it gives a new key to (recover.ts).
      meta.run(
        'recovery_signing_key',
        JSON.stringify({
          publicKey: recoverySigning.publicKey.toString('base64'),
          slotId: recoverySlot.id,
          sealed: sealPersonKey(archiveId, 'recovery', recoverySlot, recoverySigning.privateKeyDer),
        }),
      );
      for (const department of DEFAULT_DEPARTMENTS) insertDepartment(db!, department, now);
      insertPerson(db!, {
        id: adminId,
        login: input.adminLogin,
        name: input.adminName,
        department: input.adminDepartment,
        rank: input.adminRank,
        duties: ['admin'],
        managerId: null,
        slotId: adminSlot.id,
        createdAt: now,
      });
      storePersonKey(db!, adminId, signing.publicKey, adminSlot.id, sealPersonKey(archiveId, adminId, adminSlot, signing.privateKeyDer));
    })();
    recoverySigning.privateKeyDer.fill(0);
    writeKeyring(folder, keyring);
    const archive = new OpenArchive(folder, db, databaseKey, keyring, resolved, lock);
    const admin = toActor(findPersonById(db, adminId)!);
    archive.attachSigner(personSigner(adminId, signing.publicKey, signing.privateKeyDer));
    archive.journal.append({
      actor: { id: admin.id, name: admin.name, duty: 'admin' },
      event: 'archive.init',
      object: { type: 'archive', id: archiveId },
      outcome: 'ok',
      details: {
        departments: DEFAULT_DEPARTMENTS.map((d) => d.code),
        admin: admin.login,
        keyFingerprint: keyring.signingKey.fingerprint,
        kdf: cost,
        signingKey: keyRecord(adminId, signing.publicKey),
        recoveryKey: keyRecord('recovery', recoverySigning.publicKey),
      },
    });
    return { session: new Session(archive, admin), recoveryKey };
  } catch (error) {
    try {
      db?.close();
    } catch {
      /* closing a half-made database */
    }
    databaseKey.fill(0);
    // Nothing existed before: leave nothing behind.
    for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, KEYRING_FILE]) {
      rmSync(join(folder, file), { force: true });
    }
    lock.release();
    throw error;
  }
}
