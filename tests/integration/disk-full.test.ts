/**
 * A full disk gets a clear message and leaves the archive exactly as it was (domain.md, Bad input).
 * The archive lives on a tiny tmpfs that is filled to the brim before the change.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ArchiveError } from '../../src-main/core/errors';
import { addPerson, listPeople } from '../../src-main/core/people/service';
import { verifyJournal } from '../../src-main/core/journal/verify';
import { initArchive } from '../../src-main/core/vault/init';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { snapshot } from '../helpers/archive';

const mountPoint = mkdtempSync(join(tmpdir(), 'triplicate-tinyfs-'));
/** Mounting a tmpfs needs root (CI runs as root); elsewhere this test cannot build its full disk. */
const canMount = (() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

afterAll(() => {
  if (canMount) execFileSync('umount', [mountPoint], { stdio: 'ignore' });
  rmSync(mountPoint, { recursive: true, force: true });
});

const options = { stateDir: join(tmpdir(), 'triplicate-tinyfs-state'), kdfTargetMs: 1 };
const folder = join(mountPoint, 'archive');
const filler = join(mountPoint, 'filler');

beforeAll(async () => {
  if (!canMount) return;
  const { session } = await initArchive({ folder, adminLogin: 'admin', adminName: '管理员', adminPassword: 'admin-password-1' }, options);
  await session.lock();
});

/** Fills the file system until a write fails, leaving only the few bytes that did not fit. */
function fillDisk(): void {
  mkdirSync(filler, { recursive: true });
  const chunk = Buffer.alloc(16 * 1024, 1);
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(filler, String(i)), chunk);
    } catch {
      break;
    }
  }
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(filler, `small-${i}`), Buffer.alloc(512, 1));
    } catch {
      break;
    }
  }
}

it.skipIf(!canMount)('a full disk refuses a change with a clear message and leaves the archive exactly as it was', async () => {
  const session = await unlockArchive({ folder, login: 'admin', password: 'admin-password-1' }, options);
  const db = session.archive.db;
  const state = () => ({
    people: db.prepare('SELECT count(*) FROM people').pluck().get(),
    journalHead: db.prepare('SELECT max(seq) FROM journal').pluck().get(),
  });
  const logicalBefore = state();
  // The main file and the keyring (the write-ahead log holds the open session's own entries).
  const stable = (files: Map<string, Buffer>) => new Map([...files].filter(([name]) => !/-(wal|shm)$/.test(name)));
  const before = stable(snapshot(folder));
  fillDisk();
  const attempt = addPerson(session, { login: 'new.person', name: '新人', department: 'sales', rank: 'staff', duties: [], password: 'new-person-pass-1' });
  await expect(attempt).rejects.toSatisfy((e: unknown) => e instanceof ArchiveError && e.code === 'vault.diskFull');
  expect(stable(snapshot(folder))).toEqual(before);
  expect(state()).toEqual(logicalBefore);
  await session.lock();

  // Space back: the archive opens, nothing of the refused change is there, and the chain is intact.
  rmSync(filler, { recursive: true, force: true });
  const again = await unlockArchive({ folder, login: 'admin', password: 'admin-password-1' }, options);
  expect((await listPeople(again)).map((p) => p.login)).toEqual(['admin']);
  const report = verifyJournal(again.archive.db, {
    archiveId: again.archive.archiveId,
    publicKey: again.archive.signer.publicKey,
    keyringHead: again.archive.keyring.journalHead,
  });
  expect(report.ok, JSON.stringify(report.problem)).toBe(true);
  await again.lock();
});
