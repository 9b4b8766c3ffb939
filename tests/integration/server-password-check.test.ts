/**
 * The archive server checks passwords in a process of its own at the lowest priority (issue 14:
 * twenty sign-ins at once must not stall the other workstations). What it derives must be exactly
 * what a local unlock derives; it runs at nice 19 down to argon2's threads; a process that dies is
 * replaced without failing the sign-in; a process that cannot start leaves the check in the server;
 * and stopping the server ends it. The sign-ins go through a served, encrypted test archive.
 */
import { fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getPriority } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKey, type KdfParams } from '../../src-main/core/vault/kdf';
import { loginLocator } from '../../src-main/core/vault/seal';
import { checkerEntry, PasswordCheckProcess, type CheckerChild } from '../../src-main/ipc/remote/password-check';
import type { PasswordCheckAnswer } from '../../src-main/ipc/remote/password-check-protocol';
import { lastEntries, makeArchive, type TestArchive, type TestPerson } from '../helpers/archive';
import { serveArchive, type TestServer } from '../helpers/server';
import type { Session } from '../../src-main/core/session';

const PARAMS: KdfParams = { alg: 'argon2id', memoryKiB: 64 * 1024, passes: 3, parallelism: 2, salt: Buffer.alloc(16, 9).toString('base64') };
/** Long enough (about a second) that a kill lands while it runs. */
const SLOW: KdfParams = { ...PARAMS, memoryKiB: 256 * 1024, passes: 4 };
const SALT = Buffer.alloc(16, 4).toString('base64');

/** The nice value of every thread of `pid` (Linux keeps one per thread). */
function threadNices(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
}

describe('the password-check process', () => {
  let checker: PasswordCheckProcess;
  const log: string[] = [];

  beforeAll(() => {
    checker = new PasswordCheckProcess((line) => log.push(line));
    checker.warm();
  });
  afterAll(() => checker.stop());

  it('derives exactly what this process derives, and the same login locators', async () => {
    const secret = Buffer.from('wang-password-01');
    const there = await checker.derive(secret, PARAMS);
    expect(there.equals(await deriveKey(Buffer.from('wang-password-01'), PARAMS))).toBe(true);
    expect(secret.toString()).toBe('wang-password-01'); // the caller's buffer is the caller's to zero
    expect((await checker.derive(Buffer.from('another'), PARAMS)).equals(there)).toBe(false);
    expect(await checker.locator(' Wang.JL ', SALT)).toBe(loginLocator('wang.jl', SALT));
    expect(checker.pid).not.toBe(process.pid);
  });

  // Per-thread nice values are a Linux notion (/proc/PID/task); elsewhere the priority is the process's.
  it.runIf(process.platform === 'linux')('runs every thread at the lowest priority, this process at its own', async () => {
    await checker.derive(Buffer.from('x'), PARAMS); // the pool threads exist now
    const nices = threadNices(checker.pid!);
    expect(nices.length).toBeGreaterThan(4);
    expect(new Set(nices)).toEqual(new Set([19]));
    expect(getPriority(checker.pid!)).toBe(19);
    expect(getPriority()).toBe(0);
  });

  it('refuses parameters beyond the ceilings and keeps serving', async () => {
    const pid = checker.pid;
    await expect(checker.derive(Buffer.from('x'), { ...PARAMS, memoryKiB: 64 * 1024 * 1024 })).rejects.toThrow();
    expect((await checker.derive(Buffer.from('x'), PARAMS)).length).toBe(32);
    expect(checker.pid).toBe(pid);
  });

  it('killed in the middle of a derivation: a new process answers it, and the log says so', async () => {
    const first = checker.pid!;
    const expected = await deriveKey(Buffer.from('slow-password'), SLOW);
    const answered = checker.derive(Buffer.from('slow-password'), SLOW);
    await new Promise((r) => setTimeout(r, 150));
    process.kill(first, 'SIGKILL');
    expect((await answered).equals(expected)).toBe(true);
    expect(checker.pid).toBeDefined();
    expect(checker.pid).not.toBe(first);
    expect(log.some((line) => /password-check process ended \(SIGKILL\)/.test(line))).toBe(true);
  }, 60_000);

  it('stopping rejects what is still running and ends the process', async () => {
    const pid = checker.pid!;
    const running = checker.derive(Buffer.from('x'), SLOW);
    await new Promise((r) => setTimeout(r, 50));
    checker.stop();
    await expect(running).rejects.toThrow(/stopping/);
    expect(await gone(pid)).toBe(true);
    await expect(checker.derive(Buffer.from('x'), PARAMS)).rejects.toThrow(/stopping/);
  }, 30_000);
});

describe("the password-check script as Electron's utility process runs it", () => {
  it('answers over process.parentPort (Electron cannot run here: a forked child given the same port)', async () => {
    const entry = checkerEntry();
    const child = fork(entry.file, [], {
      execArgv: [...entry.execArgv, '--require', join(__dirname, '..', 'helpers', 'utility-port-shim.cjs')],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const checker = new PasswordCheckProcess(
      () => undefined,
      (): CheckerChild => ({
        pid: child.pid,
        send: (request) => child.send(request),
        onMessage: (listener) => child.on('message', (m) => listener(m as PasswordCheckAnswer)),
        onExit: (listener) => child.on('exit', (code) => listener(`exit ${code}`)),
        kill: () => child.kill(),
      }),
    );
    try {
      expect((await checker.derive(Buffer.from('pw'), PARAMS)).equals(await deriveKey(Buffer.from('pw'), PARAMS))).toBe(true);
      expect(await checker.locator('li.si', SALT)).toBe(loginLocator('li.si', SALT));
      expect(checker.answered).toBe(2);
    } finally {
      checker.stop();
    }
  }, 60_000);
});

describe('a password-check process that cannot be started', () => {
  it('leaves the derivation to the server, with one line in its log', async () => {
    const log: string[] = [];
    let tries = 0;
    const checker = new PasswordCheckProcess(
      (line) => log.push(line),
      (): CheckerChild => {
        tries++;
        throw new Error('spawn EACCES');
      },
    );
    for (let i = 0; i < 2; i++) expect((await checker.derive(Buffer.from('pw'), PARAMS)).equals(await deriveKey(Buffer.from('pw'), PARAMS))).toBe(true);
    expect(await checker.locator('li.si', SALT)).toBe(loginLocator('li.si', SALT));
    expect(tries).toBeGreaterThanOrEqual(3);
    expect(log.filter((line) => /could not be started/.test(line))).toHaveLength(1);
    expect(log.some((line) => /EACCES/.test(line))).toBe(true);
    expect(checker.answered).toBe(0);
    checker.stop();
  });
});

describe('sign-ins at the archive server', () => {
  const MANAGER: TestPerson = { login: 'wang.jl', name: '王经理', department: 'sales', rank: 'account-manager', password: 'wang-password-01' };
  let archive: TestArchive;
  let served: TestServer;
  let reader: Session;

  beforeAll(async () => {
    archive = await makeArchive();
    await archive.addPerson(MANAGER);
    served = await serveArchive(archive);
    reader = served.reader;
  }, 300_000);

  afterAll(async () => {
    await served?.stop();
    archive?.cleanup();
  });

  it('are checked in the password-check process: right password in, wrong one refused and journaled', async () => {
    const before = served.server.passwordCheck.answered;
    const client = await served.signedIn(MANAGER);
    await client.close();
    // The login's locator and the slot's key.
    expect(served.server.passwordCheck.answered - before).toBe(2);
    expect(served.server.passwordCheck.pid).not.toBe(process.pid);

    const wrong = await served.connect();
    const answer = await wrong.signIn(MANAGER.login, 'not-the-password', 'ws-wang');
    await wrong.close();
    expect(answer).toMatchObject({ ok: false, error: { code: 'vault.wrongPassword' } });
    expect(lastEntries(reader, 1)[0]).toMatchObject({ event: 'session.unlock', outcome: 'denied', reason: 'vault.wrongPassword' });
  }, 60_000);

  it('still sign in after the process was killed between two of them', async () => {
    const pid = served.server.passwordCheck.pid!;
    process.kill(pid, 'SIGKILL');
    expect(await gone(pid)).toBe(true);
    const client = await served.signedIn(MANAGER);
    await client.close();
    expect(served.server.passwordCheck.pid).not.toBe(pid);
  }, 60_000);

  it('stopping the server ends the process', async () => {
    const pid = served.server.passwordCheck.pid!;
    expect(alive(pid)).toBe(true);
    await served.stop();
    expect(await gone(pid)).toBe(true);
  }, 60_000);
});
