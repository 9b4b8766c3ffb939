/**
 * TEST ONLY — stands in for the preload when the built renderer runs in plain Chromium.
 * It defines `window.triplicate` from the same contract tables (API_CHANNELS / API_EVENTS) and
 * forwards every call to the same router `handle` the Electron glue uses, with the real core and
 * a real encrypted archive behind it. Never part of the built app.
 *
 * The page gets two Playwright bindings, which the init script captures and deletes at once, so
 * the page itself sees only `window.triplicate` (named functions, as with the real preload).
 * Idle time is "seconds since the renderer's last call".
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { EARLY_ANSWER_MS, earlyAnswer } from '../../../src-main/contract/early-answer';
import { API_CHANNELS, API_EVENTS, type EventChannel, type EventPayloads } from '../../../src-main/contract/ipc';
import type { Locale } from '../../../src-main/contract/messages';
import type { Clock } from '../../../src-main/core/clock';
import { AppState } from '../../../src-main/app/app-state';
import { firstScreenInfoOf, type FirstScreenInfo } from '../../../src-main/app/first-screen-html';
import { SessionManager } from '../../../src-main/app/session-manager';
import { ReaderHost } from '../../../src-main/app/reader-host';
import { createRouter, type Router } from '../../../src-main/ipc/router';
import { ServerLink } from '../../../src-main/app/server-link';
import { createWorkstationRouter } from '../../../src-main/ipc/workstation-router';

export interface Bridge {
  manager: SessionManager;
  router: Router;
  /** Renderer calls seen, by channel (the benchmark and the idle test read it). */
  calls: string[];
  /** The offline reader main holds (issue 15). */
  reader: ReaderHost;
  /** Main's connection to an archive server (issue 14); signs in only when the page asks. */
  link: ServerLink;
  /** What main would put into the page it serves (src-main/index.ts does the same). */
  firstScreenInfo(): FirstScreenInfo;
  /** From now on the person counts as idle for `seconds` already: the idle lock fires at its next poll, with no real wait. */
  goIdle(seconds: number): void;
  close(): Promise<void>;
}

interface PendingEvent {
  event: EventChannel;
  payload: unknown;
}

/** The preload's own early-answer function, as source text for the page. */
function earlyAnswerSource(): string {
  const source = earlyAnswer.toString();
  // A transform that adds helpers (esbuild's keepNames: __name) would break it inside the page.
  if (!source.startsWith('function earlyAnswer(') || source.includes('__')) throw new Error(`earlyAnswer is not self-contained as compiled: ${source}`);
  return source;
}

function initScript(channels: unknown, events: unknown): string {
  return `(() => {
    const invoke = window.__triplicateInvoke;
    const nextEvent = window.__triplicateNextEvent;
    delete window.__triplicateInvoke;
    delete window.__triplicateNextEvent;
    if (typeof invoke !== 'function') return;
    const channels = ${JSON.stringify(channels)};
    const events = ${JSON.stringify(events)};
    const listeners = new Map();
    const api = {};
    // As the preload does: app:info is asked for at once (src-main/contract/early-answer.ts).
    const earlyAnswer = ${earlyAnswerSource()};
    for (const [domain, fns] of Object.entries(channels)) {
      api[domain] = {};
      for (const [name, channel] of Object.entries(fns)) api[domain][name] = channel === ${JSON.stringify(API_CHANNELS.app.info)} ? earlyAnswer(invoke, channel, ${EARLY_ANSWER_MS}) : (request) => invoke(channel, request);
    }
    for (const [domain, subs] of Object.entries(events)) {
      api[domain] = api[domain] || {};
      for (const [name, event] of Object.entries(subs)) {
        api[domain][name] = (listener) => {
          if (typeof listener !== 'function') throw new TypeError(domain + '.' + name + ' needs a listener function');
          if (!listeners.has(event)) listeners.set(event, new Set());
          listeners.get(event).add(listener);
          return () => { listeners.get(event).delete(listener); };
        };
      }
    }
    // A browser has no file system: a dropped file has no path (the preload uses webUtils).
    if (api.reader) api.reader.pathOfDropped = () => '';
    for (const group of Object.values(api)) Object.freeze(group);
    Object.defineProperty(window, 'triplicate', { value: Object.freeze(api), writable: false, configurable: false, enumerable: true });
    (async () => {
      for (;;) {
        let pending;
        try { pending = await nextEvent(); } catch { return; }
        for (const item of pending) for (const listener of listeners.get(item.event) || []) { try { listener(item.payload); } catch {} }
      }
    })();
  })();`;
}

export interface BridgeOptions {
  origin: string;
  stateDir: string;
  locale: Locale;
  /** Where the stand-in save dialog puts exports; `<stateDir>/../exports` unless given. */
  saveDir?: string;
  /** The core's clock (a test moves it to reach a loan's due time); the system clock unless given. */
  clock?: Clock;
  /** The stand-in open dialog: the file it "picks" (a package, a revocation list); null = cancelled. */
  openFile?: () => string | null;
  /** The workstation's name, as an archive server journals it. */
  workstation?: string;
}

export async function installBridge(page: Page, options: BridgeOptions): Promise<Bridge> {
  let lastCallAt = Date.now();
  let idleFor: number | null = null;
  const idleSource = { idleSeconds: () => idleFor ?? (Date.now() - lastCallAt) / 1000 };
  const calls: string[] = [];
  let queue: PendingEvent[] = [];
  let waiters: ((events: PendingEvent[]) => void)[] = [];
  const emit = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => {
    queue.push({ event, payload });
    const ready = waiters;
    waiters = [];
    if (ready.length) {
      const batch = queue;
      queue = [];
      for (const resolve of ready) resolve(batch);
    }
  };
  const state = new AppState(options.stateDir, options.locale);
  const manager = new SessionManager({
    stateDir: options.stateDir,
    archiveOptions: { kdfTargetMs: 1, workstation: 'e2e-workstation', ...(options.clock ? { clock: options.clock } : {}) },
    idleSource,
    idlePollMs: 250,
    onLocked: (reason) => emit('event:locked', { reason }),
  });
  const reader = new ReaderHost({
    stateDir: options.stateDir,
    workstation: 'e2e-laptop',
    idleSource,
    idlePollMs: 250,
    onClosed: (reason) => emit('event:readerClosed', { reason }),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const link = new ServerLink({
    state,
    emit,
    idleSource,
    idlePollMs: 250,
    workstation: options.workstation ?? 'e2e-workstation',
    connectTimeoutMs: 10_000,
  });
  const chooseSaveFile = async (defaultName: string) => {
    const dir = options.saveDir ?? join(dirname(options.stateDir), 'exports');
    mkdirSync(dir, { recursive: true });
    return join(dir, defaultName);
  };
  const local = createRouter({
    manager,
    reader,
    workstation: link,
    state,
    version: '0.0.0-e2e',
    now: () => new Date(),
    emit,
    trustedOrigins: [options.origin],
    // The e2e flow types folder paths; there is no native dialog in a browser.
    chooseFolder: async () => null,
    // The save dialog answers at once with a file in the test's temp folder (beside the state folder).
    chooseSaveFile,
    chooseOpenFile: async () => options.openFile?.() ?? null,
    // Chromium's own PDF printer on the page under test: what Electron's printToPDF is built on.
    printToPdf: () => page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }),
    log: (line) => process.stderr.write(`[bridge] ${line}\n`),
  });
  // As main does (src-main/index.ts): local until someone signs in on an archive server.
  const router = createWorkstationRouter({ local, link, trustedOrigins: [options.origin], chooseSaveFile });
  await page.exposeBinding('__triplicateInvoke', async (source, channel: unknown, payload: unknown) => {
    lastCallAt = Date.now();
    calls.push(String(channel));
    return router.handle(channel, payload, {
      url: source.frame.url(),
      isMainFrame: source.frame === source.page.mainFrame(),
      ownWindow: source.page === page,
    });
  });
  await page.exposeBinding(
    '__triplicateNextEvent',
    () =>
      new Promise<PendingEvent[]>((resolve) => {
        if (queue.length) {
          const batch = queue;
          queue = [];
          resolve(batch);
        } else waiters.push(resolve);
      }),
  );
  await page.addInitScript({ content: initScript(API_CHANNELS, API_EVENTS) });
  return {
    manager,
    reader,
    link,
    router,
    calls,
    firstScreenInfo: () => firstScreenInfoOf(state, manager),
    goIdle: (seconds) => {
      idleFor = seconds;
    },
    close: async () => {
      reader.close('quit');
      await link.signOut('quit');
      await manager.lock('quit');
    },
  };
}
