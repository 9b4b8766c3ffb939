/**
 * Archives never live on a network file system: SQLite's WAL needs shared memory that a network
 * file system does not give, and its locks there are not to be trusted. Sharing one archive is
 * the archive server's job; a folder on NFS, SMB/CIFS, sshfs or a Windows UNC path is refused.
 *
 * The lookup that names a folder's file system is injectable (`ArchiveOptions.fsTypeOf`), so the
 * refusal can be tested without a network share.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ArchiveError } from '../errors';

/** Names a folder's file system type (`ext4`, `nfs4`, `fuse.sshfs`, `unc`…), or null when unknown. */
export type FsTypeLookup = (folder: string) => string | null;

const NETWORK_TYPES = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb',
  'smb2',
  'smb3',
  'smbfs',
  'ncp',
  'ncpfs',
  'afs',
  'coda',
  'ceph',
  'glusterfs',
  'lustre',
  'gpfs',
  'davfs',
  'webdav',
  'afpfs',
  'ocfs2',
  'gfs2',
  'unc',
  'fuse.sshfs',
  'sshfs',
  'fuse.glusterfs',
  'fuse.davfs2',
  'fuse.s3fs',
  'fuse.rclone',
  'fuse.cephfs',
  'fuse.smbnetfs',
]);

export function isNetworkFsType(type: string | null): boolean {
  return type !== null && NETWORK_TYPES.has(type.toLowerCase());
}

/** Throws `vault.networkFolder` when the folder (or, before it exists, its nearest parent) is on a network file system. */
export function assertLocalFolder(folder: string, lookup: FsTypeLookup = defaultFsTypeOf): void {
  const type = lookup(folder);
  if (isNetworkFsType(type)) throw new ArchiveError('vault.networkFolder', { path: folder, type: type! });
}

/** `\\server\share\…`, `//server/share/…` and `\\?\UNC\…`; a drive letter or `\\?\C:\` is local. */
export function isUncPath(path: string): boolean {
  if (/^[\\/]{2}\?[\\/]UNC[\\/]/i.test(path)) return true;
  if (/^[\\/]{2}[?.][\\/]/.test(path)) return false;
  return /^[\\/]{2}[^\\/]+[\\/][^\\/]+/.test(path);
}

/** `/proc/mounts` escapes space, tab, newline and backslash as octal. */
function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/** The type of the mount that holds `path`: the longest mount point that is a prefix of it (the last one wins on ties). */
export function fsTypeFromMounts(mounts: string, path: string): string | null {
  let best: { point: string; type: string } | null = null;
  for (const line of mounts.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 3) continue;
    const point = unescapeMountField(fields[1]!);
    const type = fields[2]!;
    const inside = point === '/' || path === point || path.startsWith(point.endsWith('/') ? point : `${point}/`);
    if (inside && (!best || point.length >= best.point.length)) best = { point, type };
  }
  return best?.type ?? null;
}

/** macOS `mount` lines: `//user@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by me)`. */
export function fsTypeFromMacMount(output: string, path: string): string | null {
  const mounts = output
    .split('\n')
    .map((line) => /^.+ on (.+) \(([^,)]+)/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `x ${m[1]!.replace(/ /g, '\\040')} ${m[2]!}`)
    .join('\n');
  return fsTypeFromMounts(mounts, path);
}

/** The nearest existing folder, resolved through symlinks, so a new archive is judged by where it will be. */
function existingRealPath(folder: string): string {
  let current = resolve(folder);
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  try {
    return realpathSync.native(current);
  } catch {
    return current;
  }
}

export const defaultFsTypeOf: FsTypeLookup = (folder) => {
  if (process.platform === 'win32') {
    if (isUncPath(folder)) return 'unc';
    const real = existingRealPath(folder);
    // A symbolic link into a share resolves to its UNC path.
    return isUncPath(real) ? 'unc' : null;
  }
  const real = existingRealPath(folder);
  try {
    if (process.platform === 'linux') return fsTypeFromMounts(readFileSync('/proc/self/mounts', 'utf8'), real);
    if (process.platform === 'darwin') return fsTypeFromMacMount(execFileSync('/sbin/mount', { encoding: 'utf8', timeout: 2000 }), real);
  } catch {
    // Without a mount table we cannot tell; SQLite's own locking still applies.
  }
  return null;
};
