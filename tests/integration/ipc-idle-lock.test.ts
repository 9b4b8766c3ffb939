/**
 * Idle auto-lock (domain.md: "the app locks after idle time … and forgets the key when it locks"),
 * driven through the same session manager the app uses, with a fake idle-time source — not a
 * fake database.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { IdleLock, type IdleTimers } from '../../src-main/app/idle-lock';
import { SessionManager, type LockReason } from '../../src-main/app/session-manager';
import { ADMIN, makeArchive, type TestArchive } from '../helpers/archive';

let archive: TestArchive | undefined;
afterEach(() => archive?.cleanup());

/** An injected scheduler: the idle lock polls when the test says so, not when real time has passed. */
function manualTimers(): IdleTimers & { poll(): void } {
  const polls = new Set<() => void>();
  return {
    setInterval: (callback) => (polls.add(callback), callback),
    clearInterval: (timer: never) => void polls.delete(timer),
    poll: () => polls.forEach((callback) => callback()),
  };
}

describe('idle lock', () => {
  it('the archive locks itself after the idle timeout, forgets the key and tells the renderer why', async () => {
    archive = await makeArchive();
    let idle = 0;
    const locks: LockReason[] = [];
    const timers = manualTimers();
    const manager = new SessionManager({
      stateDir: archive.stateDir,
      archiveOptions: { kdfTargetMs: 1, workstation: 'test-workstation' },
      idleSource: { idleSeconds: () => idle },
      idleOverrideSeconds: 1,
      idlePollMs: 50,
      idleTimers: timers,
      onLocked: (reason) => locks.push(reason),
    });
    const session = await manager.unlock({ folder: archive.folder, login: ADMIN.login, password: ADMIN.password });
    expect(manager.idleTimeoutSeconds).toBe(1);
    timers.poll();
    expect(manager.current).toBe(session);
    idle = 2;
    timers.poll();
    // The poll starts the lock; it completes once the journal entry is written and the key forgotten.
    await expect.poll(() => locks).toEqual(['idle']);
    expect(locks).toEqual(['idle']);
    expect(manager.current).toBeNull();
    expect(session.locked).toBe(true);
    // The lock is in the journal with its reason.
    const reopened = await archive.unlock(ADMIN.login, ADMIN.password);
    const row = reopened.archive.db.prepare("SELECT details FROM journal WHERE event = 'session.lock' ORDER BY seq DESC LIMIT 1").get() as { details: string };
    expect(JSON.parse(row.details)).toEqual({ reason: 'idle' });
    await reopened.lock();
  });

  it('a test override can only shorten the archive setting, never lengthen it', () => {
    const lock = new IdleLock({ source: { idleSeconds: () => 0 }, onIdle: () => {}, overrideSeconds: 3600 });
    lock.setMinutes(5);
    expect(lock.effectiveSeconds).toBe(300);
    const short = new IdleLock({ source: { idleSeconds: () => 0 }, onIdle: () => {}, overrideSeconds: 2 });
    short.setMinutes(5);
    expect(short.effectiveSeconds).toBe(2);
  });
});
