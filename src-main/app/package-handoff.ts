/**
 * A double-clicked offline package (issue 15): the installers register `.tpkg` with the app
 * (electron-builder.ts `fileAssociations`). Windows and Linux start the app — or a second instance,
 * whose argv main receives through `second-instance` — with the file's path among the arguments;
 * macOS sends `open-file` instead. This picks the package path out of an argv; Electron-free so
 * tests check it as it is.
 */
import { isAbsolute, resolve } from 'node:path';

export const PACKAGE_EXTENSION = '.tpkg';

/**
 * The last argument naming a package file, made absolute against the directory the launching
 * shell was in (a second instance's cwd is not ours). Options (`--x`, `-x`) are never files:
 * Chromium switches ride in argv too, and `--x=a.tpkg` must not open anything.
 */
export function packageFromArgv(argv: readonly string[], cwd: string): string | null {
  // argv[0] is the executable; in development argv[1] is the app folder (electron .).
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i]!;
    if (arg.startsWith('-')) continue;
    if (!arg.toLowerCase().endsWith(PACKAGE_EXTENSION) || arg.length === PACKAGE_EXTENSION.length) continue;
    // A file:// URL (some Linux file managers) is a path too.
    const path = arg.startsWith('file://') ? decodeURIComponent(new URL(arg).pathname) : arg;
    return isAbsolute(path) ? path : resolve(cwd, path);
  }
  return null;
}

export interface PackageTarget {
  offer(file: string): void;
}

/**
 * Packages handed over before the reader exists: macOS sends `open-file` before `ready`, and the
 * first instance's own argv names one at launch. They are held, in order, and passed on once the
 * reader is attached; after that every offer goes straight through.
 */
export class PackageHandoff {
  private held: string[] = [];
  private target: PackageTarget | null = null;

  offer(file: string | null): void {
    if (file === null) return;
    if (this.target) this.target.offer(file);
    else this.held.push(file);
  }

  /** A second instance's argv and cwd (`second-instance`). */
  offerArgv(argv: readonly string[], cwd: string): void {
    this.offer(packageFromArgv(argv, cwd));
  }

  attach(target: PackageTarget): void {
    this.target = target;
    const held = this.held;
    this.held = [];
    for (const file of held) target.offer(file);
  }
}
