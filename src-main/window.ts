/**
 * The one place windows are made, and the guards every web contents gets.
 * Each setting follows the Electron security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security); the item number is in the comment.
 */
import { readFile } from 'node:fs/promises';
import { BrowserWindow, protocol, type Session, type WebContents } from 'electron';
import { mimeType, SECURITY_HEADERS } from './app/csp';
import { isIndexPath, readFirstScreens, withFirstScreen, type FirstScreenInfo } from './app/first-screen-html';
import { resolveStaticFile } from './app/static-files';

/** The app's own origin: the renderer is served from here, never from file:// (checklist #18). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'triplicate';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * Must run before `app.whenReady()`: a standard, secure scheme so the page gets a real origin.
 * `codeCache`: V8 keeps the compiled app code (never data) in the session's code cache, as it does
 * for http(s), so from the second start the first screen does not compile React again (Electron
 * enables it for custom schemes only when asked, and only with `standard`).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false, codeCache: true },
    },
  ]);
}

/**
 * Serves the built renderer with the CSP header on every response (checklist #7). The page itself
 * comes with the unlock screen already in it (app/first-screen-html.ts), from `firstScreenInfo`.
 */
export function serveRenderer(rendererDir: string, firstScreenInfo: () => FirstScreenInfo | null): void {
  const screens = readFirstScreens(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    const headers = { ...SECURITY_HEADERS, 'Content-Type': mimeType(file) };
    if (isIndexPath(url.pathname)) return new Response(withFirstScreen(await readFile(file, 'utf8'), screens, firstScreenInfo()), { status: 200, headers });
    const body = await readFile(file);
    return new Response(new Uint8Array(body), { status: 200, headers });
  });
}

/** Only the app's own files may load: the app makes no network request at all. */
export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || url.startsWith('devtools://');
}

/**
 * Session-wide guards: every request that is not an app file is cancelled; every permission
 * (camera, notifications, clipboard-read, HID, display capture…) is refused (checklist #5).
 */
export function hardenSession(ses: Session): void {
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAppUrl(details.url) }));
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  // Downloads would write decrypted content to disk outside the archive.
  ses.on('will-download', (event) => event.preventDefault());
}

/**
 * Guards for every web contents, including any the app never meant to create
 * (`app.on('web-contents-created')` calls this as a backstop).
 */
export function hardenWebContents(contents: WebContents): void {
  // Checklist #13: no navigation away from the app (the renderer is a single page).
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  // Checklist #14: no new windows, and nothing opened in the system browser either.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // Checklist #12: no <webview>.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export interface MainWindowOptions {
  preload: string;
  devTools: boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Triplicate',
    webPreferences: {
      preload: options.preload,
      // Checklist #3: the preload's world is isolated from the page's.
      contextIsolation: true,
      // Checklist #4: the renderer is sandboxed; the preload gets only `electron`'s renderer modules.
      sandbox: true,
      // Checklist #2: no Node in the page, its workers or its frames.
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // Checklist #6 and #8: keep web security; never allow insecure content.
      webSecurity: true,
      allowRunningInsecureContent: false,
      // Checklist #9: no experimental features.
      experimentalFeatures: false,
      // Checklist #12: no <webview>.
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise try to open links in a new window (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      // The spellchecker downloads dictionaries: no network, and no customer text sent anywhere.
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  // domain.md: windows showing content are protected from screen capture where the OS allows.
  window.setContentProtection(true);
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
  return window;
}
