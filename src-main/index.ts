/**
 * App lifecycle and wiring only: one instance, one window, the router behind ipcMain, locks on
 * idle, sleep, screen lock, Ctrl/Cmd+L and quit. Everything that decides lives in core and ipc.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, powerMonitor, session, type MenuItemConstructorOptions } from 'electron';
import { localeFrom, type Locale } from './contract/messages';
import type { EventChannel, EventPayloads } from './contract/ipc';
import { setNativeBinding } from './core/db/connection';
import { AppState } from './app/app-state';
import { firstScreenInfoOf } from './app/first-screen-html';
import { SessionManager } from './app/session-manager';
import { ReaderHost } from './app/reader-host';
import { PackageHandoff } from './app/package-handoff';
import { createRouter } from './ipc/router';
import { ServerLink } from './app/server-link';
import { createWorkstationRouter } from './ipc/workstation-router';
import { cliArguments, reportExitCode } from './app/cli-switch';
import { runCli } from './cli/run';
import { registerIpc } from './ipc/electron/register';
import { APP_ORIGIN, createMainWindow, hardenSession, hardenWebContents, registerAppScheme, serveRenderer } from './window';
import { menuText } from './contract/texts/menu';

let mainWindow: BrowserWindow | null = null;
// Offline packages the system hands the app (double-click on a .tpkg), held until the reader exists.
const packages = new PackageHandoff();

// A separate profile (preferences, back-off state) for e2e runs and side-by-side installs. Set before
// the single-instance lock, which is keyed on the userData folder.
if (process.env.TRIPLICATE_USER_DATA) app.setPath('userData', process.env.TRIPLICATE_USER_DATA);

const cliArgs = cliArguments(process.argv);
if (cliArgs) {
  // `triplicate --cli …` (installed launchers, README): the command line, before any window, in this
  // process, with the addon built for this Electron. No single-instance lock: the CLI may run beside the app.
  app.dock?.hide();
  setNativeBinding(process.env.TRIPLICATE_NATIVE_BINDING || undefined);
  // Ctrl+C and closed pipes end through process.exit (cli/process-guards): report those codes too.
  process.on('exit', (code) => reportExitCode(code));
  const finish = (code: number) => {
    reportExitCode(code);
    app.exit(code);
  };
  void runCli(cliArgs).then(finish, () => finish(1));
} else if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same archive twice and race on its files.
  app.quit();
} else {
  // Checklist #4: every renderer sandboxed, whatever created it.
  app.enableSandbox();
  registerAppScheme();
  // macOS: a double-clicked package, possibly before `ready` (hence registered here).
  app.on('open-file', (event, path) => {
    event.preventDefault();
    packages.offer(path);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    // Windows and Linux: a double-click while the app runs starts a second instance with the path.
    packages.offerArgv(argv, workingDirectory);
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // The backstop: any web contents at all gets the navigation, window-open and webview guards.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.whenReady().then(start, (error: unknown) => {
    process.stderr.write(`Triplicate could not start: ${(error as Error)?.message ?? error}\n`);
    app.exit(1);
  });
}

function idleOverrideSeconds(): number | null {
  const value = Number(process.env.TRIPLICATE_IDLE_LOCK_SECONDS);
  return Number.isFinite(value) && value > 0 ? value : null;
}

function menuLabels(locale: Locale) {
  return locale === 'zh-CN' ? menuText.zhCN : menuText.en;
}

function buildMenu(locale: Locale, lock: () => void): Menu {
  const text = menuLabels(locale);
  const template: MenuItemConstructorOptions[] = [
    {
      label: text.archive,
      submenu: [{ label: text.lock, accelerator: 'CmdOrCtrl+L', click: lock }, { type: 'separator' }, { role: 'quit', label: text.quit }],
    },
    // Copy and paste in form fields need the Edit roles on macOS.
    {
      label: text.edit,
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
  ];
  return Menu.buildFromTemplate(template);
}

async function start(): Promise<void> {
  // Electron's own build of the SQLite addon (see src-main/dev/start.mjs).
  setNativeBinding(process.env.TRIPLICATE_NATIVE_BINDING || undefined);
  const stateDir = app.getPath('userData');
  const state = new AppState(stateDir, localeFrom(app.getLocale()));
  hardenSession(session.defaultSession);
  // The page comes with the unlock screen in it, from what app:info will answer.
  serveRenderer(join(__dirname, '../renderer'), () => firstScreenInfoOf(state, manager));

  const send = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(event, payload);
  };
  const manager = new SessionManager({
    stateDir,
    idleSource: { idleSeconds: () => powerMonitor.getSystemIdleTime() },
    idleOverrideSeconds: idleOverrideSeconds(),
    onLocked: (reason) => send('event:locked', { reason }),
  });
  // The offline reader: a package opened on a laptop, with no archive (issue 15).
  const reader = new ReaderHost({
    stateDir,
    idleSource: { idleSeconds: () => powerMonitor.getSystemIdleTime() },
    idleOverrideSeconds: idleOverrideSeconds(),
    onClosed: (reason) => send('event:readerClosed', { reason }),
    onWaiting: () => send('event:packageWaiting', {}),
  });
  // Windows and Linux: the package this launch was for, then any that arrived before now.
  packages.offerArgv(process.argv, process.cwd());
  packages.attach(reader);
  // The app as a workstation of an archive server (issue 14): one connection, relayed by main.
  const link = new ServerLink({
    state,
    emit: send,
    idleSource: { idleSeconds: () => powerMonitor.getSystemIdleTime() },
    idleOverrideSeconds: idleOverrideSeconds(),
  });
  const chooseSaveFile = async (defaultName: string, filters: { name: string; extensions: string[] }[]) => {
    if (!mainWindow) return null;
    const result = await dialog.showSaveDialog(mainWindow, { defaultPath: join(app.getPath('documents'), defaultName), filters });
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  const localRouter = createRouter({
    manager,
    reader,
    workstation: link,
    state,
    version: app.getVersion(),
    now: () => new Date(),
    emit: send,
    trustedOrigins: [APP_ORIGIN],
    chooseFolder: async (purpose) => {
      if (!mainWindow) return null;
      const result = await dialog.showOpenDialog(mainWindow, {
        properties: purpose === 'create' ? ['openDirectory', 'createDirectory'] : ['openDirectory'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseSaveFile,
    chooseOpenFile: async (filters) => {
      if (!mainWindow) return null;
      const result = await dialog.showOpenDialog(mainWindow, { properties: ['openFile'], filters });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    // A4 and the page's own @page rules: the same sheet as the print dialog would give.
    printToPdf: async () => {
      if (!mainWindow) throw new Error('no window');
      return mainWindow.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    },
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const router = createWorkstationRouter({ local: localRouter, link, trustedOrigins: [APP_ORIGIN], chooseSaveFile, locale: () => state.locale });
  registerIpc(router, (contents) => mainWindow !== null && !mainWindow.isDestroyed() && contents === mainWindow.webContents);

  const lock = (reason: 'user' | 'suspend' | 'screen-lock') => {
    reader.close(reason);
    void manager.lock(reason);
    void link.signOut(reason);
  };
  powerMonitor.on('suspend', () => lock('suspend'));
  powerMonitor.on('lock-screen', () => lock('screen-lock'));
  Menu.setApplicationMenu(buildMenu(state.locale, () => lock('user')));

  let quitting = false;
  app.on('before-quit', (event) => {
    reader.close('quit');
    if (quitting || (!manager.current && !link.actor)) return;
    // Sign the journal head, close the database and zero the key before the process goes.
    event.preventDefault();
    quitting = true;
    void Promise.all([manager.lock('quit'), link.signOut('quit')]).finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());

  mainWindow = createMainWindow({ preload: join(__dirname, '../preload/index.js'), devTools: !app.isPackaged });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}
