/**
 * Where a command or IPC call may write a file (issue 11, point 7): never inside an archive folder
 * (the one in use, or any folder that looks like one: it holds keyring.json or archive.db), never
 * over the keyring, and never inside the workstation's state folder — whatever `--force` says.
 * `--force` may replace an ordinary file, never one of these.
 *
 * Both the path as given and the path with symbolic links resolved are checked, so a link pointing
 * into an archive does not slip through.
 */
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ArchiveError } from './errors';
import { DATABASE_FILE, KEYRING_FILE, NEXT_KEYRING_FILE } from './vault/keyring';
import type { OpenArchive } from './vault/open-archive';
import { defaultStateDir } from './vault/throttle';

/** Files that make a folder an archive, and names no export may take. */
const ARCHIVE_MARKERS = [KEYRING_FILE, NEXT_KEYRING_FILE, DATABASE_FILE];
const ARCHIVE_NAMES = new Set([...ARCHIVE_MARKERS, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, `${DATABASE_FILE}-journal`]);

const caseless = process.platform === 'win32' || process.platform === 'darwin';
const norm = (p: string) => (caseless ? p.toLowerCase() : p);

function isInside(path: string, root: string): boolean {
  const rel = relative(norm(root), norm(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The path with every symbolic link of its existing part resolved. */
function realTarget(path: string): string {
  let existing = path;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) return path;
    rest.unshift(basename(existing));
    existing = parent;
  }
  try {
    return join(realpathSync(existing), ...rest);
  } catch {
    return path;
  }
}

function looksLikeArchive(folder: string): boolean {
  return ARCHIVE_MARKERS.some((name) => existsSync(join(folder, name)));
}

function insideAnyArchive(path: string): boolean {
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    if (looksLikeArchive(folder)) return true;
    if (dirname(folder) === folder) return false;
  }
}

/**
 * The absolute path to write, or `output.insideArchive`. `protect` adds folders of the caller's
 * own (the app's state folder when it differs from the archive options').
 */
export function checkOutputPath(archive: OpenArchive, path: string, protect: readonly string[] = []): string {
  const absolute = resolve(path);
  const real = realTarget(absolute);
  const roots = [archive.folder, archive.options.throttle.stateDir, defaultStateDir(), ...protect].flatMap((root) => {
    const r = resolve(root);
    return [r, realTarget(r)];
  });
  const refused =
    ARCHIVE_NAMES.has(norm(basename(absolute))) ||
    ARCHIVE_NAMES.has(norm(basename(real))) ||
    [absolute, real].some((p) => roots.some((root) => isInside(p, root)) || insideAnyArchive(p));
  if (refused) throw new ArchiveError('output.insideArchive', { path: absolute });
  return absolute;
}

/**
 * Runs a write to `path`; a file-system failure there (no such folder, no permission, a read-only
 * disk) names the path (`output.unwritable`) rather than blaming the archive's files. A full disk
 * keeps its own code.
 */
export function writingToSync<T>(path: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw unwritable(path, error);
  }
}

function unwritable(path: string, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof ArchiveError || typeof code !== 'string' || !/^E[A-Z]+$/.test(code) || code === 'ENOSPC' || code === 'EDQUOT') return error;
  return new ArchiveError('output.unwritable', { path, detail: code });
}
