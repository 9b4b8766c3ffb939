/**
 * The real IPC router over a real session manager, as main wires it, for integration tests that
 * drive channels the way the renderer does (sender check → schema → session → core).
 */
import { expect } from 'vitest';
import { AppState } from '../../src-main/app/app-state';
import { SessionManager } from '../../src-main/app/session-manager';
import { createRouter, type Router, type RouterDeps } from '../../src-main/ipc/router';
import type { SenderInfo } from '../../src-main/ipc/sender';
import type { TestArchive } from './archive';

export const ORIGIN = 'app://triplicate';
/** The app window's main frame: the only sender the router trusts. */
export const APP: SenderInfo = { url: `${ORIGIN}/index.html`, isMainFrame: true, ownWindow: true };

export interface IpcHarness {
  manager: SessionManager;
  router: Router;
  /** Locks whoever is signed in, then unlocks as `person` through the router. */
  as(person: { login: string; password: string }): Promise<void>;
}

/** `services` replaces main's dialogs and event sink (all answer "nothing chosen" by default). */
export function ipcHarness(
  archive: TestArchive,
  services: Partial<Pick<RouterDeps, 'chooseFolder' | 'chooseSaveFile' | 'chooseOpenFile' | 'emit' | 'reader' | 'printToPdf'>> = {},
): IpcHarness {
  const manager = new SessionManager({
    stateDir: archive.stateDir,
    archiveOptions: { kdfTargetMs: 1, workstation: 'test-workstation', clock: archive.clock },
    idleSource: { idleSeconds: () => 0 },
    onLocked: () => {},
  });
  const router = createRouter({
    manager,
    state: new AppState(archive.stateDir, 'en'),
    version: '0.0.0-test',
    now: () => archive.clock.now(),
    chooseFolder: async () => null,
    chooseSaveFile: async () => null,
    chooseOpenFile: async () => null,
    emit: () => {},
    trustedOrigins: [ORIGIN],
    ...services,
  });
  return {
    manager,
    router,
    async as(person) {
      await manager.lock('user');
      const r = await router.handle('session:unlock', { folder: archive.folder, login: person.login, password: person.password }, APP);
      expect(r.ok).toBe(true);
    },
  };
}

/** The value of a successful result; fails the test with the whole result otherwise. */
export async function ok<T>(pending: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await pending;
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  return r.value as T;
}
