/**
 * Packaging (electron-builder): every installer from this one file. `npm run dist:<target>`
 * (README, "Installers") builds them; `publish` is off and there is no auto-update: the archive
 * runs on air-gapped sites, and an updater would be a network path into the process that holds
 * the database key.
 *
 * What ships (the `files` below and the production dependency walk): out/ (main, preload,
 * renderer) and the two native addons, rebuilt for Electron by @electron/rebuild. Everything
 * the renderer uses is bundled by Vite and is a dev dependency, so it never enters the asar.
 */
import type { Configuration } from 'electron-builder';

/**
 * Electron fuses, flipped in the packaged binary before signing. A local user must not be able to
 * turn the app into a Node interpreter or attach a debugger to the unlocked main process (which
 * holds the database key): RunAsNode, NODE_OPTIONS and --inspect are off. Only app.asar is loaded,
 * and its embedded integrity is checked (macOS and Windows; Linux has no integrity check upstream).
 */
export const electronFuses = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
} satisfies NonNullable<Configuration['electronFuses']>;

/** The file type of offline packages (core/offline), so a double click opens the app. */
const OFFLINE_PACKAGE = {
  ext: 'tpkg',
  name: 'Triplicate offline package',
  description: 'Triplicate 离线借阅包 / offline loan package',
  mimeType: 'application/x-triplicate-package',
  role: 'Viewer',
} as const;

const config: Configuration = {
  appId: 'org.triplicate.archive',
  productName: 'Triplicate',
  copyright: 'Triplicate',
  directories: { buildResources: 'resources', output: 'dist' },
  // The built app only: the CLI bundle is left out because the app runs the same code with --cli.
  files: [
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    '!out/main/cli.js',
    '!out/main/cli-commands.js',
    'package.json',
    // Of the native addons, the binary for the target and the JavaScript that loads it; not their
    // C sources (the SQLite amalgamation alone is most of the package), test addons or other platforms.
    '!node_modules/better-sqlite3-multiple-ciphers/{src,deps,docs,benchmark}/**',
    '!node_modules/better-sqlite3-multiple-ciphers/build/**',
    'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
    '!node_modules/argon2/prebuilds/**',
    'node_modules/argon2/prebuilds/${platform}-${arch}/**',
    '!node_modules/argon2/{argon2,include,src}/**',
    '!node_modules/argon2/build/Release/{obj,obj.target,.deps}/**',
    '!**/*.{md,markdown,map,cc,cpp,c,h,hpp,gyp,gypi,mk}',
  ],
  extraResources: [
    { from: 'resources/policy', to: 'policy' },
    { from: 'src-main/cli/launchers', to: 'bin' },
  ],
  asar: true,
  // Chromium's own UI strings: only the two languages the app speaks.
  electronLanguages: ['zh-CN', 'en-US'],
  // The native addons are built for the packaged Electron (@electron/rebuild), never copied as built for Node.
  npmRebuild: true,
  buildDependenciesFromSource: false,
  electronFuses,
  fileAssociations: [OFFLINE_PACKAGE],
  publish: null,
  linux: {
    // UOS and Kylin install .deb; tar.gz for everything else. Not AppImage: it needs FUSE.
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'tar.gz', arch: ['x64', 'arm64'] },
    ],
    // The deb links /usr/bin/triplicate to the app: `triplicate --cli journal verify …` is the CLI.
    executableName: 'triplicate',
    icon: 'resources/icons',
    category: 'Office',
    synopsis: 'Confidential customer dossiers archive',
    description: '客户档案管理：一式三份、借阅卡、不可篡改的日志。',
    mimeTypes: [OFFLINE_PACKAGE.mimeType],
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'resources/icon.ico',
  },
  nsis: {
    // Per machine (Program Files, all users), silent with `/S`; an administrator installs it once.
    oneClick: false,
    perMachine: true,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
  },
  mac: {
    target: [
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ],
    icon: 'resources/icon.icns',
    category: 'public.app-category.business',
    hardenedRuntime: true,
    // Notarisation runs when APPLE_ID / APPLE_APP_SPECIFIC_PASSWORD / APPLE_TEAM_ID are set (README).
  },
};

export default config;
