/**
 * What the installers ship (issue 19, points 2 and 3): `electron-builder --linux dir` with a
 * stand-in Electron (the real binary cannot be downloaded here: a file carrying Electron's fuse
 * sentinel and wire, which is all packaging reads or writes of it), then the asar's contents and
 * size, and the fuses packaging flipped in that binary, read back with @electron/fuses.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config, { electronFuses } from '../../electron-builder';
import { packLinuxDir, ROOT, sizeOf } from '../helpers/packaging';

const root = ROOT;
const MB = 1024 * 1024;
/** The wire's states are ASCII digits (@electron/fuses constants.ts, not exported). */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;

let work: string;
let appDir: string;
let asarFiles: string[];

beforeAll(async () => {
  // CI builds before it tests; a bare checkout builds here so the payload is the real one.
  if (!['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'].every((f) => existsSync(join(root, f)))) {
    const built = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: root,
      stdio: 'ignore',
      timeout: 300_000,
    });
    expect(built.status).toBe(0);
  }
  ({ work, appDir } = await packLinuxDir());
  asarFiles = listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false });
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packaged app (electron-builder --linux dir)', () => {
  it('ships main, preload, renderer and the two native addons, and nothing the bundles already hold', () => {
    for (const file of [
      '/out/main/index.js',
      '/out/main/journal-verify-worker.js',
      '/out/main/password-check.js',
      '/out/preload/index.js',
      '/out/renderer/index.html',
      '/out/renderer/fonts/fonts.css',
      '/out/renderer/fonts/OFL.txt',
      '/package.json',
    ]) {
      expect(asarFiles).toContain(file);
    }
    const packages = new Set(
      asarFiles
        .filter((f) => f.startsWith('/node_modules/'))
        .map((f) =>
          f
            .split('/')
            .slice(2, f.split('/')[2]!.startsWith('@') ? 4 : 3)
            .join('/'),
        ),
    );
    expect(packages).toContain('better-sqlite3-multiple-ciphers');
    expect(packages).toContain('argon2');
    for (const bundled of [
      'antd',
      'react',
      'react-dom',
      'i18next',
      'zod',
      'exceljs',
      'tsx',
      'esbuild',
      'electron',
      'vite',
      'typescript',
      '@ant-design/icons',
    ]) {
      expect(packages, bundled).not.toContain(bundled);
    }
    expect(asarFiles.some((f) => /^\/(src-main|src-renderer|tests|resources)\//.test(f))).toBe(false);
    expect(asarFiles.some((f) => /\.(ts|tsx|map|cpp|c|h)$/.test(f) && !f.endsWith('.d.ts'))).toBe(false);
    // The CLI bundle stays out: the app runs the same code with --cli.
    expect(asarFiles).not.toContain('/out/main/cli.js');
    expect(asarFiles).not.toContain('/out/main/cli-commands.js');
    // The native binaries sit outside the asar (dlopen cannot read inside it), for this platform only.
    const unpacked = join(appDir, 'resources', 'app.asar.unpacked', 'node_modules');
    expect(existsSync(join(unpacked, 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
    expect(existsSync(join(unpacked, 'better-sqlite3-multiple-ciphers', 'deps'))).toBe(false);
    expect(readdirSync(join(unpacked, 'argon2', 'prebuilds'))).toEqual([`linux-${process.arch}`]);
    // Chromium's UI strings in the app's two languages only; the CLI launchers and the default policy beside the asar.
    expect(readdirSync(join(appDir, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
    expect(readdirSync(join(appDir, 'resources', 'bin')).sort()).toEqual(['triplicate-cli', 'triplicate-cli.cmd']);
    expect(existsSync(join(appDir, 'resources', 'policy', 'default-policy.json'))).toBe(true);
  });

  it('weighs at most 30 MB unpacked (asar, its unpacked natives and the extra resources)', () => {
    const resources = join(appDir, 'resources');
    const total = sizeOf(resources);
    expect(total / MB).toBeLessThanOrEqual(30);
    expect(sizeOf(join(resources, 'app.asar')) / MB).toBeGreaterThan(1); // it holds the real bundles
  });

  it('flips the fuses in the packaged binary: no RunAsNode, NODE_OPTIONS or --inspect; only the asar, integrity checked', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'triplicate'));
    const state = (option: FuseV1Options) => (wire as Record<number, number>)[option];
    expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE);
  });
});

describe('the fuse configuration packaging applies', () => {
  it('is the one electron-builder.ts hands to electron-builder, with every fuse set explicitly', () => {
    expect(config.electronFuses).toBe(electronFuses);
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.publish).toBeNull();
  });
});
