/**
 * "A killed process never loses a committed record and never turns the archive unreadable":
 * the real CLI is killed with SIGKILL at different moments of adding a person (argon2id, keyring
 * write, database commit), and each time the archive must still open with every earlier record and
 * an intact journal.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyJournal } from '../../src-main/core/journal/verify';
import { listPeople } from '../../src-main/core/people/service';
import { ADMIN, makeArchive, type TestArchive } from '../helpers/archive';

const BIN = join(__dirname, '..', '..', 'src-main', 'cli', 'bin.cjs');
let archive: TestArchive;
beforeAll(async () => {
  archive = await makeArchive();
});
afterAll(() => archive.cleanup());

function addAndKill(login: string, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        BIN,
        'person',
        'add',
        '--archive',
        archive.folder,
        '--as',
        ADMIN.login,
        '--login',
        login,
        '--name',
        login,
        '--department',
        'sales',
        '--rank',
        'staff',
        '--password-stdin',
      ],
      { env: { ...process.env, TRIPLICATE_STATE_DIR: archive.stateDir, TRIPLICATE_KDF_TARGET_MS: '1' }, stdio: ['pipe', 'ignore', 'ignore'] },
    );
    child.stdin.end(`${ADMIN.password}\nkilled-pass-001\n`);
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

it('a process killed at any moment of a change leaves an archive that opens, with an intact journal', async () => {
  const delays = [150, 400, 700, 1000, 1300, 1600, 2000, 2600];
  let expectedAtLeast = 1;
  for (const [i, delay] of delays.entries()) {
    await addAndKill(`killed.${i}`, delay);
    const session = await archive.unlock(ADMIN.login, ADMIN.password);
    const people = await listPeople(session);
    // Nothing committed before the kill is lost; the interrupted person is either wholly there or not.
    expect(people.length).toBeGreaterThanOrEqual(expectedAtLeast);
    expectedAtLeast = people.length;
    const report = verifyJournal(session.archive.db, {
      archiveId: session.archive.archiveId,
      publicKey: session.archive.signer.publicKey,
      keyringHead: session.archive.keyring.journalHead,
    });
    expect(report.ok, JSON.stringify(report.problem)).toBe(true);
    await session.lock();
  }
}, 120_000);
