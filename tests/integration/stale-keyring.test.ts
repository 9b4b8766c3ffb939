/**
 * The stale-keyring scenario of issue 11: the auditor has the archive open, the administrator adds a
 * person from another process, the auditor locks — and the new person's slot must survive. With
 * one opener the administrator is refused while the auditor holds the archive; and a holder never
 * writes its keyring over one with a later revision, even one written behind the lock's back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rekey } from '../../src-main/core/vault/rekey';
import { KEYRING_FILE, keyringRevision, readKeyring, writeKeyring } from '../../src-main/core/vault/keyring';
import { ADMIN, makeArchive, type TestArchive } from '../helpers/archive';
import { runCli } from '../helpers/cli';

const AUDITOR = { login: 'wang.wu', name: '王五', department: 'it', rank: 'staff' as const, duties: ['auditor' as const], password: 'auditor-pass-01' };
const NEWCOMER = { login: 'zhao.liu', password: 'newcomer-pass-1' };

let archive: TestArchive;
beforeAll(async () => {
  archive = await makeArchive();
  await archive.addPerson(AUDITOR);
});
afterAll(() => archive.cleanup());

function addNewcomer() {
  return runCli(
    [
      'person',
      'add',
      '--archive',
      archive.folder,
      '--as',
      ADMIN.login,
      '--login',
      NEWCOMER.login,
      '--name',
      '赵六',
      '--department',
      'sales',
      '--rank',
      'staff',
      '--password-stdin',
    ],
    `${ADMIN.password}\n${NEWCOMER.password}\n`,
    { TRIPLICATE_STATE_DIR: archive.stateDir },
  );
}

it('ends with everyone able to unlock', async () => {
  const auditor = await archive.unlock(AUDITOR.login, AUDITOR.password);
  const keyringBefore = readFileSync(join(archive.folder, KEYRING_FILE));
  const refused = addNewcomer();
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('in use');
  expect(readFileSync(join(archive.folder, KEYRING_FILE))).toEqual(keyringBefore);
  await auditor.lock();

  const added = addNewcomer();
  expect(added.status, added.stderr).toBe(0);
  for (const [login, password] of [
    [ADMIN.login, ADMIN.password],
    [AUDITOR.login, AUDITOR.password],
    [NEWCOMER.login, NEWCOMER.password],
  ]) {
    await (await archive.unlock(login!, password!)).lock();
  }
}, 120_000);

it('a holder never writes its keyring over a later revision on disk', async () => {
  const admin = await archive.unlock(ADMIN.login, ADMIN.password);
  const held = admin.archive.keyring;
  // Someone wrote the keyring behind the lock's back (an old version of the app, a restored file).
  const onDisk = readKeyring(archive.folder);
  writeKeyring(archive.folder, { ...onDisk, revision: keyringRevision(held) + 5 });
  const newer = readFileSync(join(archive.folder, KEYRING_FILE));
  await expect(rekey(admin)).rejects.toMatchObject({ code: 'vault.keyringChanged' });
  // The lock-time head update does not overwrite it either.
  await admin.lock();
  expect(readFileSync(join(archive.folder, KEYRING_FILE))).toEqual(newer);
  for (const [login, password] of [
    [ADMIN.login, ADMIN.password],
    [AUDITOR.login, AUDITOR.password],
    [NEWCOMER.login, NEWCOMER.password],
  ]) {
    await (await archive.unlock(login!, password!)).lock();
  }
  // A fresh holder reads the later revision and writes above it.
  const again = await archive.unlock(ADMIN.login, ADMIN.password);
  await rekey(again);
  await again.lock();
  expect(keyringRevision(readKeyring(archive.folder))).toBeGreaterThan(keyringRevision(held) + 5);
}, 120_000);
