/**
 * One opener per archive (issue 11, point 1): whoever unlocks holds the archive until it locks or
 * exits; a second opener — another process, the CLI beside the app's session manager — is refused
 * at once, in both languages, with the holder's workstation and since when, and writes nothing.
 * Sessions inside the holding process share its hold. The holder keeps working (its verify workers
 * too), and a holder killed with SIGKILL frees the archive.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionManager } from '../../src-main/app/session-manager';
import { ArchiveError } from '../../src-main/core/errors';
import { verifyJournalInParallel } from '../../src-main/core/journal/verify';
import { listPeople } from '../../src-main/core/people/service';
import { DATABASE_FILE } from '../../src-main/core/vault/keyring';
import { ADMIN, makeArchive, snapshot, type TestArchive } from '../helpers/archive';
import { runCli } from '../helpers/cli';
import { holdInChild, tryInChild } from '../helpers/opener';

const AUDITOR = { login: 'wang.wu', name: '王五', department: 'it', rank: 'staff' as const, duties: ['auditor' as const], password: 'auditor-pass-01' };

let archive: TestArchive;
beforeAll(async () => {
  archive = await makeArchive();
  await archive.addPerson(AUDITOR);
});
afterAll(() => archive.cleanup());

async function refusal(attempt: Promise<unknown>): Promise<ArchiveError> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof ArchiveError) return error;
    throw error;
  }
  throw new Error('the second opener was let in');
}

describe('a second opener', () => {
  it('in another process is refused within a second, names the holder, and every file stays byte-identical', async () => {
    const holder = await archive.unlock(ADMIN.login, ADMIN.password);
    try {
      const before = snapshot(archive.folder);
      const second = await tryInChild(archive.folder, AUDITOR.login, AUDITOR.password, archive.stateDir);
      expect(second.ok).toBe(false);
      expect(second.code).toBe('vault.inUse');
      expect(second.ms).toBeLessThan(1000);
      expect(second.params?.host).toBe('test-workstation');
      expect(String(second.params?.since)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
      expect(second.en).toContain('in use on the workstation "test-workstation" since');
      expect(second.zh).toContain('正由工作站“test-workstation”使用');
      expect(snapshot(archive.folder)).toEqual(before);
      // The holder keeps working.
      expect((await listPeople(holder)).map((p) => p.login).sort()).toEqual([ADMIN.login, AUDITOR.login]);
    } finally {
      await holder.lock();
    }
    // Locked: the archive is free again.
    const after = await tryInChild(archive.folder, AUDITOR.login, AUDITOR.password, archive.stateDir);
    expect(after).toMatchObject({ ok: true });
  }, 60_000);

  it('is let in beside the holder in the same process, which holds the archive until its last session locks', async () => {
    const holder = await archive.unlock(ADMIN.login, ADMIN.password);
    const second = await archive.unlock(AUDITOR.login, AUDITOR.password);
    try {
      // Sessions of one process share one view of the keyring: no stale copy to write back.
      expect(second.archive.keyring).toBe(holder.archive.keyring);
      await holder.lock();
      const other = await tryInChild(archive.folder, AUDITOR.login, AUDITOR.password, archive.stateDir);
      expect(other.code).toBe('vault.inUse');
    } finally {
      await holder.lock();
      await second.lock();
    }
    expect(await tryInChild(archive.folder, AUDITOR.login, AUDITOR.password, archive.stateDir)).toMatchObject({ ok: true });
  }, 60_000);

  it("the CLI is refused while the app's session manager holds the archive, in English and Chinese", async () => {
    const manager = new SessionManager({
      stateDir: archive.stateDir,
      archiveOptions: { clock: archive.clock, workstation: 'front-desk-pc', kdfTargetMs: 1 },
      idleSource: { idleSeconds: () => 0 },
      onLocked: () => undefined,
    });
    await manager.unlock({ folder: archive.folder, login: ADMIN.login, password: ADMIN.password });
    try {
      const before = snapshot(archive.folder);
      const args = ['journal', 'verify', '--archive', archive.folder, '--as', AUDITOR.login, '--password-stdin'];
      const env = { TRIPLICATE_STATE_DIR: archive.stateDir };
      const en = runCli([...args, '--lang', 'en'], `${AUDITOR.password}\n`, env);
      expect(en.status).toBe(1);
      expect(en.stderr).toContain('The archive is in use on the workstation "front-desk-pc" since');
      const zh = runCli([...args, '--lang', 'zh-CN'], `${AUDITOR.password}\n`, env);
      expect(zh.status).toBe(1);
      expect(zh.stderr).toContain('档案库正由工作站“front-desk-pc”使用');
      expect(snapshot(archive.folder)).toEqual(before);
      expect(manager.current).not.toBeNull();
    } finally {
      await manager.lock('user');
    }
    const free = runCli(['journal', 'verify', '--archive', archive.folder, '--as', AUDITOR.login, '--password-stdin'], `${AUDITOR.password}\n`, {
      TRIPLICATE_STATE_DIR: archive.stateDir,
    });
    expect(free.status, free.stderr).toBe(0);
    // Three CLI processes, each compiling the core with tsx first: minutes on a busy machine.
  }, 300_000);
});

describe('the holder', () => {
  it('keeps its own journal-verify worker threads (read-only connections) working', async () => {
    const session = await archive.unlock(AUDITOR.login, AUDITOR.password);
    try {
      const byWorkers: number[] = [];
      const report = await verifyJournalInParallel(
        session.archive.db,
        { archiveId: session.archive.archiveId, publicKey: session.archive.signer.publicKey, keyringHead: session.archive.keyring.journalHead },
        { path: join(archive.folder, DATABASE_FILE), key: session.archive.databaseKey },
        { workers: 1, minChunks: 1, workersOnly: true, onWorkerChunk: (i) => byWorkers.push(i) },
      );
      expect(report.ok, JSON.stringify(report.problem)).toBe(true);
      expect(byWorkers.length).toBeGreaterThan(0);
    } finally {
      await session.lock();
    }
  }, 60_000);

  it('killed with SIGKILL frees the archive at once', async () => {
    const holder = await holdInChild(archive.folder, AUDITOR.login, AUDITOR.password, archive.stateDir);
    try {
      const refused = await refusal(archive.unlock(ADMIN.login, ADMIN.password));
      expect(refused.code).toBe('vault.inUse');
      expect(refused.params.host).toBe('child-workstation');
      // Opening and closing the lock file in this process did not loosen the child's lock.
      expect((await refusal(archive.unlock(ADMIN.login, ADMIN.password))).code).toBe('vault.inUse');
    } finally {
      await holder.kill();
    }
    const session = await archive.unlock(ADMIN.login, ADMIN.password);
    await session.lock();
  }, 60_000);
});
