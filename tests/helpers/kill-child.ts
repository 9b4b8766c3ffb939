/**
 * A process that performs one keyring-changing operation and kills itself with SIGKILL just
 * before its Nth file-system step (open for writing, write, fsync, rename, copy, remove), so the
 * kill-9 tests hit every durable step of an operation, not a lucky moment. `killAt` 0 runs the
 * operation to the end and prints how many steps it took.
 *
 * Usage (bundled by the test with esbuild): node kill-child.cjs JSON, where JSON is a `KillJob`.
 */
import { addPerson, changeOwnPassword, disablePerson, listPeople } from '../../src-main/core/people/service';
import { rekey } from '../../src-main/core/vault/rekey';
import { recoverWithKey } from '../../src-main/core/vault/recover';
import { unlockArchive } from '../../src-main/core/vault/unlock';

export type KillOp = 'add' | 'passwd' | 'disable' | 'rekey' | 'recover' | 'lock';

export interface KillJob {
  op: KillOp;
  folder: string;
  stateDir: string;
  killAt: number;
  admin: { login: string; password: string };
  /** add: the new person; passwd: who changes their own password, and the new one; disable: whom; recover: the new admin password. */
  login?: string;
  password?: string;
  /** passwd: the person's password now. */
  currentPassword?: string;
  recoveryKey?: string;
}

const STEPS = ['openSync', 'writeSync', 'fsyncSync', 'renameSync', 'copyFileSync', 'rmSync', 'unlinkSync'] as const;
let armed = false;
let steps = 0;
let killAt = 0;

function hookFileSystem(): void {
  // The module object itself (not an ES namespace copy), so the core's calls go through the hooks.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const target = require('node:fs') as Record<string, (...args: unknown[]) => unknown>;
  for (const name of STEPS) {
    const original = target[name]!;
    target[name] = function (this: unknown, ...args: unknown[]) {
      // Reading opens are not steps that change anything on disk.
      const counts = armed && !(name === 'openSync' && (args[1] === undefined || args[1] === 'r'));
      if (counts) {
        steps += 1;
        if (steps === killAt) process.kill(process.pid, 'SIGKILL');
      }
      return original.apply(this, args);
    };
  }
}

async function run(job: KillJob): Promise<void> {
  const options = { stateDir: job.stateDir, kdfTargetMs: 1, workstation: 'kill-test' };
  killAt = job.killAt;
  if (job.op === 'recover') {
    armed = true;
    const session = await recoverWithKey({ folder: job.folder, recoveryKey: job.recoveryKey!, login: job.admin.login, newPassword: job.password! }, options);
    await session.lock();
    return;
  }
  const as = job.op === 'passwd' ? { login: job.login!, password: job.currentPassword! } : job.admin;
  const session = await unlockArchive({ folder: job.folder, login: as.login, password: as.password }, options);
  if (job.op === 'lock') {
    await listPeople(session);
    armed = true;
    await session.lock();
    return;
  }
  armed = true;
  if (job.op === 'add') await addPerson(session, { login: job.login, name: job.login, department: 'sales', rank: 'staff', duties: [], password: job.password });
  if (job.op === 'passwd') await changeOwnPassword(session, job.password);
  if (job.op === 'disable') await disablePerson(session, job.login);
  if (job.op === 'rekey') await rekey(session);
  await session.lock();
}

hookFileSystem();
run(JSON.parse(process.argv[2]!) as KillJob).then(
  () => process.stdout.write(JSON.stringify({ done: true, steps }) + '\n'),
  (error: unknown) => {
    process.stdout.write(JSON.stringify({ done: false, steps, error: String((error as Error)?.message ?? error) }) + '\n');
    process.exitCode = 1;
  },
);
