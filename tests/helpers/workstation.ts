/**
 * The desktop app's main process as a workstation of an archive server, without Electron: the
 * local router (SessionManager, AppState) wrapped by the workstation router, with main's one
 * ServerLink. Events main would send to the window are collected.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventChannel, EventPayloads, Result } from '../../src-main/contract/ipc';
import { AppState } from '../../src-main/app/app-state';
import { ServerLink } from '../../src-main/app/server-link';
import { SessionManager } from '../../src-main/app/session-manager';
import { createRouter, type Router } from '../../src-main/ipc/router';
import { createWorkstationRouter } from '../../src-main/ipc/workstation-router';

export const WORKSTATION_ORIGIN = 'app://triplicate';
const SENDER = { url: `${WORKSTATION_ORIGIN}/index.html`, isMainFrame: true, ownWindow: true };

export interface TestWorkstation {
  router: Router;
  link: ServerLink;
  state: AppState;
  stateDir: string;
  events: { event: EventChannel; payload: unknown }[];
  /** Seconds the person has been away (the idle source). */
  away: { seconds: number };
  call<T = unknown>(channel: string, payload?: unknown): Promise<Result<T>>;
  close(): Promise<void>;
}

export function makeWorkstation(options: { idleOverrideSeconds?: number; callTimeoutMs?: number } = {}): TestWorkstation {
  const stateDir = mkdtempSync(join(tmpdir(), 'triplicate-ws-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'triplicate-ws-save-'));
  const events: TestWorkstation['events'] = [];
  const emit = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void events.push({ event, payload });
  const state = new AppState(stateDir, 'en');
  const away = { seconds: 0 };
  const idleSource = { idleSeconds: () => away.seconds };
  const manager = new SessionManager({ stateDir, archiveOptions: { kdfTargetMs: 1 }, idleSource, onLocked: (reason) => emit('event:locked', { reason }) });
  const link = new ServerLink({
    state,
    emit,
    idleSource,
    idlePollMs: 50,
    idleOverrideSeconds: options.idleOverrideSeconds ?? null,
    workstation: 'test-workstation',
    connectTimeoutMs: 5000,
    ...(options.callTimeoutMs ? { callTimeoutMs: options.callTimeoutMs } : {}),
  });
  const chooseSaveFile = async (defaultName: string) => join(saveDir, defaultName);
  const local = createRouter({
    manager,
    state,
    workstation: link,
    version: 'test',
    now: () => new Date(),
    emit,
    trustedOrigins: [WORKSTATION_ORIGIN],
    chooseFolder: async () => null,
    chooseSaveFile,
  });
  const router = createWorkstationRouter({ local, link, trustedOrigins: [WORKSTATION_ORIGIN], chooseSaveFile });
  return {
    router,
    link,
    state,
    stateDir,
    events,
    away,
    call: (channel, payload = {}) => router.handle(channel, payload, SENDER) as Promise<Result<never>>,
    async close() {
      await link.signOut('quit');
      await manager.lock('quit');
      rmSync(stateDir, { recursive: true, force: true });
      rmSync(saveDir, { recursive: true, force: true });
    },
  };
}
