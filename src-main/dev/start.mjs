#!/usr/bin/env node
/**
 * `npm start`: build, find Electron, build the SQLite addon for Electron's ABI, launch.
 *
 * Why a separate addon build: better-sqlite3-multiple-ciphers is a V8-API addon, so one build
 * works only under the ABI it was compiled for. node_modules keeps the Node 20 build (tests, CLI);
 * Electron gets its own, made once per Electron version in .cache/electron-native/<version>-<platform>-<arch>/
 * and handed to the app through TRIPLICATE_NATIVE_BINDING (src-main/core/db/connection.ts setNativeBinding).
 * It is built by @electron/rebuild in a staging project, loaded by Electron before it is cached, and
 * a cached one that Electron does not load (an older Electron, or a build against Node's headers
 * through npm's nodedir) is rebuilt.
 *
 * Electron itself: node_modules/electron installs without its binary and downloads it lazily
 * (node_modules/electron/index.js → install.js, through @electron/get and its cache). We honour
 * ELECTRON_OVERRIDE_DIST_PATH, use an installed binary, else try that download once — unless
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1 — and otherwise stop with instructions.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(root, 'package.json'));
const electronDir = dirname(require.resolve('electron/package.json'));
const sqliteDir = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));

function log(line) {
  process.stderr.write(`[start] ${line}\n`);
}

function fail(message) {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  return result.status === 0;
}

// 1. Build main, preload and renderer.
log('electron-vite build');
if (!run(process.execPath, [join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js'), 'build'])) {
  fail('The build failed (see above); nothing was started.');
}

// 2. The Electron binary.
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
const platformPath = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[process.platform] ?? 'electron';

function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, platformPath);
    return existsSync(path) ? path : null;
  }
  const path = join(electronDir, 'dist', platformPath);
  return existsSync(path) ? path : null;
}

let electron = electronBinary();
if (!electron && !process.env.ELECTRON_OVERRIDE_DIST_PATH && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
  log(`Electron ${electronVersion} is not installed; trying its download (or the electron download cache)`);
  // install.js reads the cache first (electron_config_cache or the default cache), then downloads.
  // The downloader's own failure is a stack trace; show its one-line reason, then what to do.
  const download = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: root,
    timeout: 180_000,
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  if (download.status !== 0) {
    const reason =
      (download.stderr ?? '')
        .split('\n')
        .find((line) => /error/i.test(line))
        ?.trim() ?? `exit ${download.status}`;
    log(`download failed: ${reason.slice(0, 200)}`);
  }
  electron = electronBinary();
}
if (!electron) {
  fail(
    [
      `Electron ${electronVersion} is not available on this machine, so the app cannot start.`,
      'Supply it in one of these ways, then run `npm start` again:',
      `  1. Point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron ${electronVersion} for ${process.platform}-${process.arch}`,
      `     (the folder that contains \`${platformPath}\`), e.g. ELECTRON_OVERRIDE_DIST_PATH=/opt/electron-v${electronVersion} npm start`,
      `  2. Put electron-v${electronVersion}-${process.platform}-${process.arch}.zip in the Electron download cache`,
      '     (~/.cache/electron on Linux, ~/Library/Caches/electron on macOS, %LOCALAPPDATA%\\electron\\Cache on Windows,',
      '     or the folder named by electron_config_cache) and run `node node_modules/electron/install.js`.',
      '  3. With network access to GitHub releases (or ELECTRON_MIRROR set to a mirror), unset',
      '     ELECTRON_SKIP_BINARY_DOWNLOAD and run `npm start`: the binary downloads on first use.',
    ].join('\n'),
  );
}

// 3. The SQLite addon built for Electron's ABI, outside node_modules.
const nativeDir = join(root, '.cache', 'electron-native', `${electronVersion}-${process.platform}-${process.arch}`);
const addonCopy = join(nativeDir, 'better-sqlite3-multiple-ciphers');
const binding = join(addonCopy, 'build', 'Release', 'better_sqlite3.node');

/**
 * Whether Electron itself loads the addon: the only test of its ABI that cannot be fooled (a build
 * against Node's headers loads in Node and fails in Electron). Runs this Electron as Node, which
 * the development binary allows (the packaged app's fuses do not).
 */
function loadsInElectron(file) {
  const check = spawnSync(electron, ['-e', `require(${JSON.stringify(file)})`], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (check.status === 0) return { ok: true };
  const version = /NODE_MODULE_VERSION (\d+)[^]*?requires[^]*?NODE_MODULE_VERSION (\d+)/.exec(check.stderr ?? '');
  return {
    ok: false,
    why: version ? `built for ABI ${version[1]}, Electron ${electronVersion} needs ABI ${version[2]}` : (check.stderr ?? '').trim().split('\n')[0],
  };
}

async function buildAddon() {
  // A project of its own under .cache, so @electron/rebuild never touches node_modules' Node build.
  const staging = `${nativeDir}.staging`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'node_modules'), { recursive: true });
  writeFileSync(
    join(staging, 'package.json'),
    JSON.stringify({ name: 'triplicate-electron-native', private: true, dependencies: { 'better-sqlite3-multiple-ciphers': '*' } }),
  );
  const stagedAddon = join(staging, 'node_modules', 'better-sqlite3-multiple-ciphers');
  cpSync(sqliteDir, stagedAddon, { recursive: true, filter: (src) => !src.startsWith(join(sqliteDir, 'build')) });
  // npm's nodedir points node-gyp at this machine's Node headers: the cached "Electron" addon then
  // loaded in Node and failed in Electron. Only a folder named for Electron's headers is used.
  delete process.env.npm_config_nodedir;
  delete process.env.NPM_CONFIG_NODEDIR;
  if (process.env.TRIPLICATE_ELECTRON_NODEDIR) process.env.npm_config_nodedir = process.env.TRIPLICATE_ELECTRON_NODEDIR;
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: staging,
    electronVersion,
    arch: process.arch,
    onlyModules: ['better-sqlite3-multiple-ciphers'],
    force: true,
    mode: 'sequential',
    headerURL: process.env.TRIPLICATE_ELECTRON_HEADERS_URL || 'https://electronjs.org/headers',
  });
  const built = join(stagedAddon, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) throw new Error('no better_sqlite3.node was produced');
  // Checked before it is cached: a wrong build never reaches .cache/electron-native.
  const check = loadsInElectron(built);
  if (!check.ok) throw new Error(`the build does not load in Electron ${electronVersion}: ${check.why}`);
  rmSync(addonCopy, { recursive: true, force: true });
  mkdirSync(nativeDir, { recursive: true });
  renameSync(stagedAddon, addonCopy);
  rmSync(staging, { recursive: true, force: true });
}

let cached = existsSync(binding) ? loadsInElectron(binding) : { ok: false, why: 'not built yet' };
if (!cached.ok) {
  log(`building better-sqlite3-multiple-ciphers for Electron ${electronVersion} (${cached.why}) in ${nativeDir}`);
  try {
    await buildAddon();
  } catch (error) {
    fail(
      `Could not build the SQLite addon for Electron ${electronVersion}: ${error?.message ?? error}\n` +
        "It needs Electron's headers (downloaded from https://electronjs.org/headers, or offline: TRIPLICATE_ELECTRON_NODEDIR=/path/to/electron-headers " +
        'or TRIPLICATE_ELECTRON_HEADERS_URL=<mirror>) and a C++ toolchain (python3, make, g++).',
    );
  }
}

// 4. Launch.
log(`launching ${electron}`);
const child = spawn(electron, [root, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, TRIPLICATE_NATIVE_BINDING: binding },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
