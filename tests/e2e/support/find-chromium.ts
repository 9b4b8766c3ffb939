/**
 * Where the e2e suite finds a Chromium, in order: TRIPLICATE_E2E_CHROMIUM, Playwright's own browser
 * cache (PLAYWRIGHT_BROWSERS_PATH or its default folder), then the system's chromium or chrome
 * (fixed install paths and PATH). Nothing is downloaded: this machine reaches no browser host.
 * When none is found, `chromium-present.test.ts` fails with MISSING_CHROMIUM: one line saying how
 * to get one, so a fresh machine never passes with the whole suite skipped.
 */
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface ChromiumLookup {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
  /** Fixed install paths to try (tests pass an empty list). */
  systemPaths: readonly string[];
}

export const MISSING_CHROMIUM =
  'No Chromium for the e2e suite: install one (Debian/UOS/Kylin: apt-get install chromium; macOS/Windows: Google Chrome), or set TRIPLICATE_E2E_CHROMIUM=/path/to/chrome, or put a Playwright Chromium in PLAYWRIGHT_BROWSERS_PATH.';

const SYSTEM_PATHS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'],
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'],
};
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

function playwrightCache(lookup: ChromiumLookup): string {
  if (lookup.env.PLAYWRIGHT_BROWSERS_PATH) return lookup.env.PLAYWRIGHT_BROWSERS_PATH;
  if (lookup.platform === 'darwin') return join(lookup.home, 'Library', 'Caches', 'ms-playwright');
  if (lookup.platform === 'win32') return join(lookup.env.LOCALAPPDATA ?? join(lookup.home, 'AppData', 'Local'), 'ms-playwright');
  return join(lookup.env.XDG_CACHE_HOME ?? join(lookup.home, '.cache'), 'ms-playwright');
}

/** Playwright's layout: <cache>/chromium-<rev>/chrome-<os>/chrome (newest revision first). */
function fromPlaywrightCache(lookup: ChromiumLookup): string | null {
  const cache = playwrightCache(lookup);
  if (!existsSync(cache)) return null;
  const inner =
    {
      linux: ['chrome-linux64/chrome', 'chrome-linux/chrome'],
      darwin: ['chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium', 'chrome-mac/Chromium.app/Contents/MacOS/Chromium'],
      win32: ['chrome-win64/chrome.exe', 'chrome-win/chrome.exe'],
    }[lookup.platform as 'linux' | 'darwin' | 'win32'] ?? [];
  const revisions = readdirSync(cache)
    .filter((d) => /^chromium-\d+$/.test(d))
    .sort((a, b) => Number(b.slice(9)) - Number(a.slice(9)));
  for (const revision of revisions) {
    for (const path of inner) if (existsSync(join(cache, revision, path))) return join(cache, revision, path);
  }
  return null;
}

function fromPath(lookup: ChromiumLookup): string | null {
  const ext = lookup.platform === 'win32' ? '.exe' : '';
  for (const dir of (lookup.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of PATH_NAMES) if (existsSync(join(dir, name + ext))) return join(dir, name + ext);
  }
  return null;
}

/** The Chromium to drive, or null. An explicit TRIPLICATE_E2E_CHROMIUM that does not exist is null too (no silent fallback). */
export function findChromium(lookup: ChromiumLookup = defaultLookup()): string | null {
  const explicit = lookup.env.TRIPLICATE_E2E_CHROMIUM;
  if (explicit) return existsSync(explicit) ? explicit : null;
  return fromPlaywrightCache(lookup) ?? lookup.systemPaths.find((p) => existsSync(p)) ?? fromPath(lookup);
}

export function defaultLookup(): ChromiumLookup {
  return { env: process.env, platform: process.platform, home: homedir(), systemPaths: SYSTEM_PATHS[process.platform] ?? [] };
}
