/**
 * One suite, two drivers (architecture.md, tests/e2e): the built renderer in Debian's Chromium with
 * the real core behind the test bridge, and the real Electron app wherever its binary is installed.
 * Each launch gets its own state folder; the network is blocked in both.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, _electron, type Browser, type Page } from 'playwright-core';
import type { Locale } from '../../../src-main/contract/messages';
import { APP_STATE_FILE } from '../../../src-main/app/app-state';
import { installBridge, type Bridge } from './bridge';
import { reportPageTrouble } from './page-trouble';
import { buildRenderer, ROOT } from './renderer-build';
import { findChromium, MISSING_CHROMIUM } from './find-chromium';
import { serveStatic, type StaticServer } from './static-server';

/** find-chromium.ts; '' when none (the suites skip, chromium-present.test.ts fails the run). */
export const CHROMIUM_PATH = findChromium() ?? '';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface AppUnderTest {
  page: Page;
  /** Shortens the idle lock to `seconds`; false when the driver cannot (Electron reads the system idle time). */
  shortenIdleLock(seconds: number): boolean;
  /** Renderer→main calls the driver saw (bridge only; empty for Electron). */
  calls: string[];
  close(): Promise<void>;
}

export interface Driver {
  name: 'chromium' | 'electron';
  /** null when runnable here, else why not. */
  unavailable: string | null;
  setup(): Promise<void>;
  launch(stateDir: string, locale: Locale): Promise<AppUnderTest>;
  teardown(): Promise<void>;
}

/** Both drivers start in the language under test, as if the person had picked it before. */
function presetLocale(stateDir: string, locale: Locale): void {
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(join(stateDir, APP_STATE_FILE), JSON.stringify({ locale, recentArchives: [] }));
}

export function chromiumDriver(): Driver {
  let server: StaticServer | null = null;
  let browser: Browser | null = null;
  return {
    name: 'chromium',
    unavailable: CHROMIUM_PATH && existsSync(CHROMIUM_PATH) ? null : MISSING_CHROMIUM,
    async setup() {
      server = await serveStatic(await buildRenderer((l) => process.stderr.write(`[e2e] ${l}\n`)));
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    },
    async launch(stateDir, locale) {
      presetLocale(stateDir, locale);
      const origin = server!.origin;
      // Reduced motion: the app turns its animations off (AntdScope.tsx, styles.css), so nothing moves under a click.
      const context = await browser!.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block', reducedMotion: 'reduce' });
      // No network: only the app's own files load.
      await context.route('**/*', (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort('blockedbyclient')));
      const page = await context.newPage();
      reportPageTrouble(page, `chromium ${locale}`);
      const bridge: Bridge = await installBridge(page, { origin, stateDir, locale });
      server!.useFirstScreenInfo(bridge.firstScreenInfo);
      await page.goto(`${origin}/index.html`);
      return {
        page,
        calls: bridge.calls,
        shortenIdleLock: (seconds) => {
          bridge.manager.overrideIdleSeconds(seconds);
          // The injected idle source says the time has passed, so the test waits for the lock, not for the clock.
          bridge.goIdle(seconds);
          return true;
        },
        close: async () => {
          await bridge.close();
          await context.close();
        },
      };
    },
    async teardown() {
      await browser?.close();
      await server?.close();
    },
  };
}

function electronBinary(): string | null {
  const electronDir = join(ROOT, 'node_modules', 'electron');
  const platformPath = ({ darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' } as Record<string, string>)[process.platform] ?? 'electron';
  const path = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, platformPath) : join(electronDir, 'dist', platformPath);
  return existsSync(path) ? path : null;
}

function electronBinding(): string {
  const version = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  return join(
    ROOT,
    '.cache',
    'electron-native',
    `${version}-${process.platform}-${process.arch}`,
    'better-sqlite3-multiple-ciphers',
    'build',
    'Release',
    'better_sqlite3.node',
  );
}

export function electronDriver(): Driver {
  const binary = electronBinary();
  const binding = electronBinding();
  const unavailable = !binary
    ? 'Electron binary not installed on this machine (set ELECTRON_OVERRIDE_DIST_PATH or let node_modules/electron download it)'
    : !existsSync(binding)
      ? 'the SQLite addon for Electron is not built yet (run `npm start` once)'
      : !existsSync(join(ROOT, 'out', 'main', 'index.js'))
        ? 'the app is not built (run `npm run build`)'
        : null;
  return {
    name: 'electron',
    unavailable,
    async setup() {},
    async launch(stateDir, locale) {
      presetLocale(stateDir, locale);
      const app = await _electron.launch({
        executablePath: binary!,
        args: [ROOT],
        env: { ...process.env, TRIPLICATE_USER_DATA: stateDir, TRIPLICATE_NATIVE_BINDING: binding, TRIPLICATE_KDF_TARGET_MS: '1' } as Record<string, string>,
      });
      const page = await app.firstWindow();
      await page.emulateMedia({ reducedMotion: 'reduce' });
      reportPageTrouble(page, `electron ${locale}`);
      return { page, calls: [], shortenIdleLock: () => false, close: () => app.close() };
    },
    async teardown() {},
  };
}
