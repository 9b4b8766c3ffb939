/** Packaging the app without the real Electron binary: a stand-in folder and a `--linux dir` build. */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Platform, build } from 'electron-builder';

export const ROOT = join(__dirname, '..', '..');
/** @electron/fuses constants.ts: the marker packaging finds the fuse wire by. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, the rest off, file:// privileges on. */
export const DEFAULT_WIRE = '11010001';

/** A stand-in unpacked Electron: a script carrying the fuse sentinel, wire version 1 and eight fuses, plus the files packaging moves. */
export function fabricateElectron(dir: string): void {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const body = Buffer.concat([
    Buffer.from('#!/bin/sh\n# '),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, 8]),
    Buffer.from(DEFAULT_WIRE),
    Buffer.from('\necho stand-in\n'),
  ]);
  writeFileSync(join(dir, 'electron'), body);
  chmodSync(join(dir, 'electron'), 0o755);
  for (const locale of ['zh-CN', 'en-US', 'de', 'ja']) writeFileSync(join(dir, 'locales', `${locale}.pak`), locale);
  writeFileSync(join(dir, 'chrome-sandbox'), '');
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
  writeFileSync(join(dir, 'version'), '45.4.1');
}

/** `electron-builder --linux dir` over electron-builder.ts with the stand-in; returns the unpacked app folder. */
export async function packLinuxDir(): Promise<{ work: string; appDir: string }> {
  const work = mkdtempSync(join(tmpdir(), 'triplicate-packaging-'));
  fabricateElectron(join(work, 'electron'));
  await build({
    targets: Platform.LINUX.createTarget('dir'),
    projectDir: ROOT,
    publish: 'never',
    // Merged over electron-builder.ts, which electron-builder loads itself. The Node builds of the
    // addons stand in for the Electron builds: no headers can be downloaded here.
    config: { electronDist: join(work, 'electron'), electronVersion: '45.4.1', npmRebuild: false, directories: { output: join(work, 'dist') } },
  });
  return { work, appDir: join(work, 'dist', 'linux-unpacked') };
}

export function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}
