/**
 * No `internal` for known failures (issue 11, point 4): busy, in use by another holder, disk full,
 * read-only folder, I/O error and damaged file each have their own code and sentence in both
 * languages, and the attempt reaches the journal whenever the journal can be written — at once,
 * or, when the failure itself stops the write, before the next operation's entry (in a session)
 * or at the next unlock on this workstation (a refused open).
 *
 * How each is made: busy — a second connection holds the write lock (real SQLITE_BUSY); in use — a
 * holder; disk full — a 2 MB tmpfs filled to the brim (real ENOSPC/SQLITE_FULL, needs root);
 * read-only — a read-only bind mount of the archive folder (needs root; chmod does not stop root);
 * I/O error — an SqliteError with code SQLITE_IOERR_WRITE raised inside an operation (mapped: no
 * way to make a disk fail on demand here); damaged — a 0-byte archive.db.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, truncateSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src-main/contract/errors';
import { formatError } from '../../src-main/contract/messages';
import { openDatabase } from '../../src-main/core/db/connection';
import { ArchiveError } from '../../src-main/core/errors';
import type { JournalEntry } from '../../src-main/core/journal/entry';
import { addDepartment, addPerson, listPeople } from '../../src-main/core/people/service';
import type { Session } from '../../src-main/core/session';
import { initArchive } from '../../src-main/core/vault/init';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { ADMIN, makeArchive, snapshot } from '../helpers/archive';
import { holdInChild } from '../helpers/opener';

const mounts: string[] = [];
function tryMount(args: string[], point: string): boolean {
  try {
    execFileSync('mount', [...args, point], { stdio: 'ignore' });
    mounts.push(point);
    return true;
  } catch {
    return false;
  }
}
afterAll(() => {
  for (const point of mounts.reverse()) execFileSync('umount', [point], { stdio: 'ignore' });
});

const canMount = (() => {
  const probe = mkdtempSync(join(tmpdir(), 'triplicate-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

async function failure(attempt: Promise<unknown>): Promise<ArchiveError> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the attempt failed').toBeInstanceOf(ArchiveError);
  return error as ArchiveError;
}

/** The code, and a sentence in each language that is its own (not the generic one). */
function expectSaid(error: ArchiveError, code: ErrorCode, en: string, zh: string): void {
  expect(error.code).toBe(code);
  expect(formatError(error.toInfo(), 'en')).toContain(en);
  expect(formatError(error.toInfo(), 'zh-CN')).toContain(zh);
  expect(formatError(error.toInfo(), 'en')).not.toContain('unexpected');
}

/** A refused open notes itself on the workstation just after answering. */
const noted = () => new Promise((resolve) => setImmediate(resolve));

function entriesWithReason(session: Session, reason: ErrorCode): JournalEntry[] {
  return session.archive.db.prepare('SELECT * FROM journal WHERE reason = ? ORDER BY seq').all(reason) as JournalEntry[];
}

describe('inside a session', () => {
  it('busy: another connection holds the write lock; the entry is written once it can be', async () => {
    const archive = await makeArchive();
    try {
      const session = await archive.unlock(ADMIN.login, ADMIN.password);
      // A writer that bypasses the one-opener lock (as an old version or a tool would).
      const other = openDatabase(join(archive.folder, 'archive.db'), Buffer.from(session.archive.databaseKey));
      other.exec('BEGIN IMMEDIATE');
      const error = await failure(addDepartment(session, { code: 'legal', nameZh: '法务部', nameEn: 'Legal' }));
      expectSaid(error, 'vault.busy', 'busy', '正忙');
      expect(session.unjournaledCount).toBe(1);
      other.exec('ROLLBACK');
      other.close();
      await listPeople(session);
      const [entry] = entriesWithReason(session, 'vault.busy');
      expect(entry).toMatchObject({ event: 'department.add', outcome: 'error' });
      expect(JSON.parse(entry!.details)).toHaveProperty('failedAt');
      expect(session.unjournaledCount).toBe(0);
      await session.lock();
    } finally {
      archive.cleanup();
    }
  }, 60_000);

  it('I/O error: its own code and message, journaled at once', async () => {
    const archive = await makeArchive();
    try {
      const session = await archive.unlock(ADMIN.login, ADMIN.password);
      const attempt = session.perform({ action: 'person.list' }, () => {
        throw new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_WRITE');
      });
      const error = await failure(attempt);
      expectSaid(error, 'vault.ioError', 'could not be read or written', '无法读取或写入');
      expect(entriesWithReason(session, 'vault.ioError')).toEqual([expect.objectContaining({ event: 'person.list', outcome: 'error' })]);
      await session.lock();
    } finally {
      archive.cleanup();
    }
  }, 60_000);

  it.skipIf(!canMount)(
    'disk full: refused, nothing changed, and journaled once space is back',
    async () => {
      const mountPoint = mkdtempSync(join(tmpdir(), 'triplicate-full-'));
      expect(tryMount(['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs'], mountPoint)).toBe(true);
      const folder = join(mountPoint, 'archive');
      const options = { stateDir: mkdtempSync(join(tmpdir(), 'triplicate-full-state-')), kdfTargetMs: 1 };
      const { session: created } = await initArchive({ folder, adminLogin: 'admin', adminName: '管理员', adminPassword: 'admin-password-1' }, options);
      await created.lock();
      const session = await unlockArchive({ folder, login: 'admin', password: 'admin-password-1' }, options);
      const filler = join(mountPoint, 'filler');
      mkdirSync(filler);
      for (const size of [64 * 1024, 4096, 512]) {
        for (let i = 0; ; i++) {
          try {
            writeFileSync(join(filler, `${size}-${i}`), Buffer.alloc(size, 1));
          } catch {
            break;
          }
        }
      }
      const error = await failure(
        addPerson(session, { login: 'new.person', name: '新人', department: 'sales', rank: 'staff', duties: [], password: 'new-person-pass-1' }),
      );
      expectSaid(error, 'vault.diskFull', 'disk is full', '磁盘已满');
      expect(session.archive.db.prepare("SELECT count(*) FROM people WHERE login = 'new.person'").pluck().get()).toBe(0);
      rmSync(filler, { recursive: true, force: true });
      await listPeople(session);
      expect(entriesWithReason(session, 'vault.diskFull')).toEqual([expect.objectContaining({ event: 'person.add', outcome: 'error' })]);
      await session.lock();
    },
    90_000,
  );
});

describe('refused opens, journaled at the next unlock on this workstation', () => {
  it('in use by another holder', async () => {
    const archive = await makeArchive();
    try {
      const holder = await holdInChild(archive.folder, ADMIN.login, ADMIN.password, archive.stateDir);
      try {
        const error = await failure(archive.unlock(ADMIN.login, ADMIN.password));
        expectSaid(error, 'vault.inUse', 'in use on the workstation "child-workstation"', '正由工作站“child-workstation”使用');
      } finally {
        await holder.kill();
      }
      const session = await archive.unlock(ADMIN.login, ADMIN.password);
      const [entry] = entriesWithReason(session, 'vault.inUse');
      expect(entry).toMatchObject({ event: 'session.unlock', outcome: 'error' });
      expect(JSON.parse(entry!.details)).toMatchObject({ host: 'child-workstation', knownLogin: true });
      await session.lock();
    } finally {
      archive.cleanup();
    }
  }, 60_000);

  it.skipIf(!canMount)(
    'read-only folder (a read-only bind mount of the archive)',
    async () => {
      const archive = await makeArchive();
      const readOnly = mkdtempSync(join(tmpdir(), 'triplicate-ro-'));
      try {
        expect(tryMount(['--bind', archive.folder], readOnly)).toBe(true);
        execFileSync('mount', ['-o', 'remount,bind,ro', readOnly]);
        const before = snapshot(archive.folder);
        const error = await failure(unlockArchive({ folder: readOnly, login: ADMIN.login, password: ADMIN.password }, archive.options));
        expectSaid(error, 'vault.readOnly', 'cannot be written', '只读');
        expect(snapshot(archive.folder)).toEqual(before);
        await noted();
        const session = await archive.unlock(ADMIN.login, ADMIN.password);
        expect(entriesWithReason(session, 'vault.readOnly')).toEqual([expect.objectContaining({ event: 'session.unlock', outcome: 'error' })]);
        await session.lock();
      } finally {
        archive.cleanup();
      }
    },
    60_000,
  );

  it('damaged file: a 0-byte archive.db gets no schema written into it', async () => {
    const archive = await makeArchive();
    try {
      const dbPath = join(archive.folder, 'archive.db');
      const saved = join(archive.folder, '..', 'archive.db.saved');
      copyFileSync(dbPath, saved);
      truncateSync(dbPath, 0);
      const before = snapshot(archive.folder);
      const error = await failure(archive.unlock(ADMIN.login, ADMIN.password));
      expectSaid(error, 'vault.damaged', 'damaged', '已损坏');
      expect(statSync(dbPath).size).toBe(0);
      expect(existsSync(`${dbPath}-wal`)).toBe(false);
      expect(snapshot(archive.folder)).toEqual(before);
      // Restored from the backup: the refused attempt is in the journal.
      copyFileSync(saved, dbPath);
      await noted();
      const session = await archive.unlock(ADMIN.login, ADMIN.password);
      expect(entriesWithReason(session, 'vault.damaged')).toEqual([expect.objectContaining({ event: 'session.unlock', outcome: 'error' })]);
      await session.lock();
    } finally {
      archive.cleanup();
    }
  }, 60_000);
});
