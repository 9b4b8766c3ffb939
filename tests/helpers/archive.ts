/**
 * Real archives for tests: a real encrypted file in a temporary folder, argon2id at its floor
 * (64 MiB, 3 passes — the smallest cost the product allows, not a stub), a clock tests can move,
 * and back-off state kept beside the archive rather than in the home folder.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src-main/core/clock';
import { addPerson } from '../../src-main/core/people/service';
import type { Session } from '../../src-main/core/session';
import { initArchive } from '../../src-main/core/vault/init';
import type { ArchiveOptions } from '../../src-main/core/vault/open-archive';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { LOCK_FILE } from '../../src-main/core/vault/holder-lock';
import type { Duty, Rank } from '../../src-main/contract/people';
import type { JournalEntry } from '../../src-main/core/journal/entry';

export const ADMIN = { login: 'admin', name: '系统管理员', password: 'admin-password-1' };

export interface TestArchive {
  folder: string;
  stateDir: string;
  clock: ManualClock;
  options: ArchiveOptions;
  recoveryKey: string;
  /** Unlocks as someone; the caller locks. */
  unlock(login: string, password: string): Promise<Session>;
  /** Unlocks as the administrator, adds the person, locks. */
  addPerson(p: TestPerson): Promise<void>;
  cleanup(): void;
}

export interface TestPerson {
  login: string;
  name: string;
  department: string;
  rank: Rank;
  duties?: Duty[];
  password: string;
  managerLogin?: string;
}

/**
 * `kdfTargetMs`: 1 (the floor: 64 MiB, 3 passes) keeps tests fast; a benchmark that times
 * sign-ins passes the product's target so its slots carry the calibrated cost.
 */
export async function makeArchive(setup: { kdfTargetMs?: number } = {}): Promise<TestArchive> {
  const root = mkdtempSync(join(tmpdir(), 'triplicate-test-'));
  const folder = join(root, 'archive');
  const stateDir = join(root, 'state');
  const clock = new ManualClock();
  const options: ArchiveOptions = { clock, stateDir, kdfTargetMs: setup.kdfTargetMs ?? 1, workstation: 'test-workstation' };
  const { session, recoveryKey } = await initArchive({ folder, adminLogin: ADMIN.login, adminName: ADMIN.name, adminPassword: ADMIN.password }, options);
  await session.lock();
  const archive: TestArchive = {
    folder,
    stateDir,
    clock,
    options,
    recoveryKey,
    unlock: (login, password) => unlockArchive({ folder, login, password }, options),
    async addPerson(p) {
      const admin = await archive.unlock(ADMIN.login, ADMIN.password);
      try {
        await addPerson(admin, { ...p, duties: p.duties ?? [] });
      } finally {
        await admin.lock();
      }
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
  return archive;
}

/** The journal's last entries, read through an open session's connection. */
export function lastEntries(session: Session, n = 1): JournalEntry[] {
  const rows = session.archive.db
    .prepare(
      `SELECT seq, at, tz_offset AS tzOffset, actor_id AS actorId, actor_name AS actorName, actor_duty AS actorDuty,
              workstation, event, object_type AS objectType, object_id AS objectId, outcome, reason, details,
              prev_hash AS prevHash, hash
       FROM journal ORDER BY seq DESC LIMIT ?`,
    )
    .all(n) as JournalEntry[];
  return rows.reverse();
}

/**
 * Every file of the archive folder with its bytes, to prove an operation changed nothing. The
 * one-opener lock file is described by its inode, size and times instead: reading it would open
 * and close a descriptor, and closing any descriptor of a file drops this process's POSIX locks
 * on it — the archive held by this test process would be free.
 */
export function snapshot(folder: string): Map<string, Buffer> {
  return new Map(
    readdirSync(folder).map((name) => {
      if (name !== LOCK_FILE) return [name, readFileSync(join(folder, name))];
      const stat = statSync(join(folder, name), { bigint: true });
      return [name, Buffer.from(JSON.stringify([stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs].map(String)))];
    }),
  );
}
