/**
 * The confidentiality promise (domain.md, Keys and the vault): what is on disk, who it opens for,
 * and what happens to it when someone gets the password wrong or the file gets damaged.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { ArchiveError } from '../../src-main/core/errors';
import { disablePerson } from '../../src-main/core/people/service';
import { rekey } from '../../src-main/core/vault/rekey';
import { recoverWithKey } from '../../src-main/core/vault/recover';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { readKeyring, writeKeyring, NEXT_KEYRING_FILE } from '../../src-main/core/vault/keyring';
import { resealSlot } from '../../src-main/core/vault/slots';
import { rekeyDatabase, openDatabase } from '../../src-main/core/db/connection';
import { ADMIN, lastEntries, makeArchive, snapshot, type TestArchive } from '../helpers/archive';
import { readSqlcipher4Page1 } from '../helpers/sqlcipher4';
import { randomBytes } from 'node:crypto';

const MANAGER = { login: 'zhang.san', name: '张三', department: 'sales', rank: 'account-manager' as const, password: 'zhang-password-1' };
const CUSTODIAN = { login: 'li.si', name: '李四', department: 'sales', rank: 'staff' as const, duties: ['custodian' as const], password: 'li-password-001' };

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof ArchiveError && e.code === code);
}

let archive: TestArchive;
beforeEach(async () => {
  archive = await makeArchive();
});
afterEach(() => archive.cleanup());

/** The raw database key, read the way an administrator's SQLCipher tool would be given it. */
async function rawKey(): Promise<Buffer> {
  const session = await archive.unlock(ADMIN.login, ADMIN.password);
  const key = Buffer.from(session.archive.databaseKey);
  await session.lock();
  return key;
}

describe('files of a new archive', () => {
  it('have no SQLite header and no plaintext name, login or password', async () => {
    await archive.addPerson(MANAGER);
    const files = readdirSync(archive.folder);
    expect(files.sort()).toEqual(['archive.db', 'archive.lock', 'keyring.json']);
    // The one-opener lock is a plain, empty SQLite file: its header is all it has.
    const lockFile = new Database(join(archive.folder, 'archive.lock'), { fileMustExist: true, readonly: true });
    expect(lockFile.prepare('SELECT count(*) FROM sqlite_schema').pluck().get()).toBe(0);
    lockFile.close();
    for (const name of files.filter((f) => f !== 'archive.lock')) {
      const bytes = readFileSync(join(archive.folder, name));
      expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
      for (const secret of [ADMIN.login, ADMIN.name, ADMIN.password, MANAGER.login, MANAGER.name, MANAGER.password, 'archive_meta', 'CREATE TABLE']) {
        expect(bytes.includes(Buffer.from(secret, 'utf8')), `${name} contains ${secret}`).toBe(false);
      }
    }
  });

  it('cannot be read by plain SQLite', () => {
    const db = new Database(join(archive.folder, 'archive.db'), { fileMustExist: true, readonly: true });
    expect(() => db.prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow(/not a database/);
    db.close();
  });

  it('open in a plain SQLCipher 4 reader with the raw key', async () => {
    const key = await rawKey();
    // Independent reader: page 1 decrypted and authenticated with node:crypto from the format spec.
    const page1 = readSqlcipher4Page1(readFileSync(join(archive.folder, 'archive.db')), key);
    expect(page1.hmacOk).toBe(true);
    // SQLite header bytes 16..23: page size 4096, versions, 80 reserved bytes, payload fractions 64/32/32.
    expect(page1.plaintext.readUInt16BE(0)).toBe(4096);
    expect(page1.plaintext[4]).toBe(80);
    expect([...page1.plaintext.subarray(5, 8)]).toEqual([64, 32, 32]);
    // Header offset 28: the database size in pages, which must match the file.
    const fileBytes = readFileSync(join(archive.folder, 'archive.db')).length;
    expect(page1.plaintext.readUInt32BE(28 - 16)).toBe(fileBytes / 4096);
    // And the library with only the standard SQLCipher 4 settings reads every table.
    const db = new Database(join(archive.folder, 'archive.db'), { fileMustExist: true });
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
    expect(db.prepare('SELECT login FROM people').pluck().all()).toEqual([ADMIN.login]);
    db.close();
  });

  it('the keyring names no one and each slot binds its archive and slot id', () => {
    const keyring = readKeyring(archive.folder);
    expect(keyring.slots.map((s) => s.kind).sort()).toEqual(['person', 'recovery']);
    const slot = keyring.slots.find((s) => s.kind === 'person')!;
    expect(slot.kdf.memoryKiB).toBeGreaterThanOrEqual(64 * 1024);
    expect(slot.kdf.passes).toBeGreaterThanOrEqual(3);
    // Moving a slot's sealed key to another slot id breaks its associated data.
    const other = keyring.slots.find((s) => s.kind === 'recovery')!;
    writeKeyring(archive.folder, { ...keyring, slots: [{ ...slot, privateKey: other.privateKey }, other] });
    return expectCode(archive.unlock(ADMIN.login, ADMIN.password), 'vault.wrongPassword');
  });
});

describe('unlocking', () => {
  it('a wrong password is refused and leaves every file byte-identical', async () => {
    const before = snapshot(archive.folder);
    await expectCode(archive.unlock(ADMIN.login, 'not-the-password'), 'vault.wrongPassword');
    await expectCode(archive.unlock('nobody', 'whatever-password'), 'vault.wrongPassword');
    expect(snapshot(archive.folder)).toEqual(before);
  });

  it('failed unlocks back off exponentially per login, then are journaled at the next unlock', async () => {
    for (let i = 0; i < 3; i++) await expectCode(archive.unlock(ADMIN.login, 'wrong-password-x'), 'vault.wrongPassword');
    await expect(archive.unlock(ADMIN.login, ADMIN.password)).rejects.toMatchObject({ code: 'vault.throttled', params: { seconds: 5 } });
    archive.clock.advance(5_000);
    await expectCode(archive.unlock(ADMIN.login, 'wrong-password-x'), 'vault.wrongPassword');
    await expect(archive.unlock(ADMIN.login, ADMIN.password)).rejects.toMatchObject({ code: 'vault.throttled', params: { seconds: 10 } });
    // Another login is not held back by this one's failures.
    await archive.addPerson(MANAGER).catch(() => undefined);
    archive.clock.advance(10_000);
    const session = await archive.unlock(ADMIN.login, ADMIN.password);
    const entries = lastEntries(session, 6).filter((e) => e.event === 'session.unlock');
    const denied = entries.filter((e) => e.outcome === 'denied');
    expect(denied.length).toBeGreaterThanOrEqual(4);
    expect(denied.every((e) => e.reason === 'vault.wrongPassword' && e.actorName === ADMIN.name)).toBe(true);
    expect(entries.at(-1)).toMatchObject({ outcome: 'ok', actorName: ADMIN.name });
    await session.lock();
    // The successful unlock reset the count.
    await expectCode(archive.unlock(ADMIN.login, 'wrong-password-x'), 'vault.wrongPassword');
    await (await archive.unlock(ADMIN.login, ADMIN.password)).lock();
  });

  it('a damaged page 1 gives "damaged" after a correct password, and the file is untouched', async () => {
    const db = join(archive.folder, 'archive.db');
    const bytes = readFileSync(db);
    bytes[100] = bytes[100]! ^ 0xff;
    writeFileSync(db, bytes);
    const before = snapshot(archive.folder);
    await expectCode(archive.unlock(ADMIN.login, ADMIN.password), 'vault.damaged');
    expect(snapshot(archive.folder)).toEqual(before);
  });

  it('a foreign keyring is refused as foreign and nothing is written', async () => {
    writeFileSync(join(archive.folder, 'keyring.json'), '{"format":"something-else"}');
    const before = snapshot(archive.folder);
    await expectCode(archive.unlock(ADMIN.login, ADMIN.password), 'vault.foreign');
    expect(snapshot(archive.folder)).toEqual(before);
    const empty = join(archive.folder, '..', 'empty');
    mkdirSync(empty);
    await expectCode(unlockArchive({ folder: empty, login: 'a', password: 'b' }, archive.options), 'vault.foreign');
    await expectCode(unlockArchive({ folder: join(empty, 'missing'), login: 'a', password: 'b' }, archive.options), 'vault.notFound');
  });

  it('a database from a newer version of the app is refused', async () => {
    const key = await rawKey();
    const db = openDatabase(join(archive.folder, 'archive.db'), key);
    db.pragma('user_version=9999');
    db.close();
    await expectCode(archive.unlock(ADMIN.login, ADMIN.password), 'vault.newerVersion');
  });
});

describe('removing people and rekeying', () => {
  it("after disable and rekey the removed person's password opens nothing, the others' still do, and the journal shows both", async () => {
    await archive.addPerson(MANAGER);
    await archive.addPerson(CUSTODIAN);
    const oldKeyring = readFileSync(join(archive.folder, 'keyring.json'));
    const admin = await archive.unlock(ADMIN.login, ADMIN.password);
    await disablePerson(admin, MANAGER.login);
    const report = await rekey(admin);
    expect(report).toMatchObject({ epoch: 2 });
    const events = lastEntries(admin, 2).map((e) => [e.event, e.outcome]);
    expect(events).toEqual([
      ['person.disable', 'ok'],
      ['vault.rekey', 'ok'],
    ]);
    await admin.lock();

    await expectCode(archive.unlock(MANAGER.login, MANAGER.password), 'vault.wrongPassword');
    await (await archive.unlock(CUSTODIAN.login, CUSTODIAN.password)).lock();
    await (await archive.unlock(ADMIN.login, ADMIN.password)).lock();

    // Even with a copy of the keyring from before, the old key no longer opens the rewritten file.
    const stolen = join(archive.folder, '..', 'stolen');
    mkdirSync(stolen);
    writeFileSync(join(stolen, 'keyring.json'), oldKeyring);
    copyFileSync(join(archive.folder, 'archive.db'), join(stolen, 'archive.db'));
    await expectCode(unlockArchive({ folder: stolen, login: MANAGER.login, password: MANAGER.password }, archive.options), 'vault.damaged');
  });

  it('an interrupted rekey leaves an archive that opens, before or after the file was rewritten', async () => {
    // Killed after writing the next keyring, before touching the database.
    const key = await rawKey();
    const keyring = readKeyring(archive.folder);
    const newKey = randomBytes(32);
    const next = { ...keyring, epoch: keyring.epoch + 1, slots: keyring.slots.map((s) => resealSlot(keyring.archiveId, keyring.epoch + 1, s, newKey)) };
    writeKeyring(archive.folder, next, NEXT_KEYRING_FILE);
    await (await archive.unlock(ADMIN.login, ADMIN.password)).lock();
    expect(existsSync(join(archive.folder, NEXT_KEYRING_FILE))).toBe(false);

    // Killed after the database was rewritten, before the keyring was promoted.
    writeKeyring(archive.folder, next, NEXT_KEYRING_FILE);
    const db = openDatabase(join(archive.folder, 'archive.db'), key);
    rekeyDatabase(db, newKey);
    db.close();
    const session = await archive.unlock(ADMIN.login, ADMIN.password);
    expect(session.archive.keyring.epoch).toBe(keyring.epoch + 1);
    await session.lock();
    expect(readKeyring(archive.folder).epoch).toBe(keyring.epoch + 1);
  });

  it('the recovery key sets a new password for an administrator, and the journal says so', async () => {
    await expectCode(
      recoverWithKey(
        { folder: archive.folder, recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', login: ADMIN.login, newPassword: 'brand-new-pass-1' },
        archive.options,
      ),
      'vault.wrongPassword',
    );
    const session = await recoverWithKey(
      { folder: archive.folder, recoveryKey: archive.recoveryKey.toLowerCase(), login: ADMIN.login, newPassword: 'brand-new-pass-1' },
      archive.options,
    );
    expect(lastEntries(session, 1)[0]).toMatchObject({ event: 'vault.recover', outcome: 'ok', actorDuty: 'admin' });
    await session.lock();
    await expectCode(archive.unlock(ADMIN.login, ADMIN.password), 'vault.wrongPassword');
    await (await archive.unlock(ADMIN.login, 'brand-new-pass-1')).lock();
  });
});

describe('locking', () => {
  it('locking closes the database, zeroes the key and refuses further operations', async () => {
    const session = await archive.unlock(ADMIN.login, ADMIN.password);
    const key = session.archive.databaseKey;
    await session.lock();
    expect(key.every((b) => b === 0)).toBe(true);
    expect(session.archive.db.open).toBe(false);
    await expectCode(
      session.perform({ action: 'person.list' }, () => 1),
      'vault.locked',
    );
    // The lock and its signed checkpoint are in the journal; the keyring carries the signed head.
    const again = await archive.unlock(ADMIN.login, ADMIN.password);
    const [lock] = lastEntries(again, 2);
    expect(lock).toMatchObject({ event: 'session.lock', outcome: 'ok' });
    expect(readKeyring(archive.folder).journalHead?.seq).toBe(lock!.seq);
    await again.lock();
  });
});
