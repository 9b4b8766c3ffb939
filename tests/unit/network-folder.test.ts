/**
 * Archives on network file systems are refused (issue 11, point 2). The mount-table readers are
 * checked on real-looking tables; the refusal itself on real archive operations, with the folder's
 * file system type supplied by an injected lookup (no network share is needed to test it).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatError } from '../../src-main/contract/messages';
import { ArchiveError } from '../../src-main/core/errors';
import { initArchive } from '../../src-main/core/vault/init';
import { defaultFsTypeOf, fsTypeFromMacMount, fsTypeFromMounts, isNetworkFsType, isUncPath } from '../../src-main/core/vault/network-folder';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { ADMIN, makeArchive, snapshot } from '../helpers/archive';

const MOUNTS = [
  'sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0',
  '/dev/sda1 / ext4 rw,relatime 0 0',
  '/dev/sda2 /home ext4 rw,relatime 0 0',
  'fileserver:/export/archives /home/shared nfs4 rw,relatime,vers=4.2 0 0',
  '//nas/dossiers /mnt/nas\\040share cifs rw,relatime,vers=3.0 0 0',
  'me@host:/srv /mnt/ssh fuse.sshfs rw,nosuid,nodev 0 0',
  'tmpfs /mnt/nas tmpfs rw 0 0',
].join('\n');

describe('the mount table', () => {
  it('names the file system of the longest mount point that holds the path', () => {
    expect(fsTypeFromMounts(MOUNTS, '/home/li/archive')).toBe('ext4');
    expect(fsTypeFromMounts(MOUNTS, '/home/shared/archive')).toBe('nfs4');
    expect(fsTypeFromMounts(MOUNTS, '/home/shared')).toBe('nfs4');
    expect(fsTypeFromMounts(MOUNTS, '/home/sharedother')).toBe('ext4');
    expect(fsTypeFromMounts(MOUNTS, '/mnt/nas share/x')).toBe('cifs');
    expect(fsTypeFromMounts(MOUNTS, '/mnt/nas/x')).toBe('tmpfs');
    expect(fsTypeFromMounts(MOUNTS, '/mnt/ssh/a/b')).toBe('fuse.sshfs');
    expect(fsTypeFromMounts(MOUNTS, '/var/lib')).toBe('ext4');
  });

  it('reads macOS mount output', () => {
    const out = [
      '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)',
      '//li@nas/Archives on /Volumes/Archives (smbfs, nodev, nosuid, mounted by li)',
      'server:/exports on /Volumes/nfs share (nfs, asynchronous)',
    ].join('\n');
    expect(fsTypeFromMacMount(out, '/Users/li/archive')).toBe('apfs');
    expect(fsTypeFromMacMount(out, '/Volumes/Archives/2026')).toBe('smbfs');
    expect(fsTypeFromMacMount(out, '/Volumes/nfs share/a')).toBe('nfs');
  });

  it('knows network types and UNC paths', () => {
    for (const type of ['nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', 'fuse.sshfs', 'unc', 'NFS4']) expect(isNetworkFsType(type)).toBe(true);
    for (const type of ['ext4', 'xfs', 'btrfs', 'apfs', 'ntfs', 'tmpfs', 'overlay', null]) expect(isNetworkFsType(type)).toBe(false);
    expect(isUncPath('\\\\fileserver\\share\\archive')).toBe(true);
    expect(isUncPath('//fileserver/share/archive')).toBe(true);
    expect(isUncPath('\\\\?\\UNC\\fileserver\\share')).toBe(true);
    expect(isUncPath('\\\\?\\C:\\archive')).toBe(false);
    expect(isUncPath('C:\\Users\\li\\archive')).toBe(false);
    expect(isUncPath('/home/li/archive')).toBe(false);
  });

  it("finds this machine's temporary folder on a local file system", () => {
    expect(isNetworkFsType(defaultFsTypeOf(tmpdir()))).toBe(false);
    // A folder that does not exist yet is judged by its nearest existing parent.
    expect(defaultFsTypeOf(join(tmpdir(), 'not', 'yet', 'there'))).toBe(defaultFsTypeOf(tmpdir()));
  });
});

describe('an archive on a network folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'triplicate-netfs-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const nfs = () => 'nfs4';

  it('is not created, and nothing is written', async () => {
    const folder = join(root, 'new-archive');
    const attempt = initArchive(
      { folder, adminLogin: 'admin', adminName: '管理员', adminPassword: 'admin-password-1' },
      { stateDir: join(root, 'state'), kdfTargetMs: 1, fsTypeOf: nfs },
    );
    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).code).toBe('vault.networkFolder');
    expect((error as ArchiveError).params).toMatchObject({ path: folder, type: 'nfs4' });
    expect(existsSync(folder)).toBe(false);
    const info = (error as ArchiveError).toInfo();
    expect(formatError(info, 'en')).toContain('archive server');
    expect(formatError(info, 'zh-CN')).toContain('档案服务器');
  });

  it('is not opened, and every file stays byte-identical', async () => {
    const archive = await makeArchive();
    try {
      const before = snapshot(archive.folder);
      const attempt = unlockArchive({ folder: archive.folder, login: ADMIN.login, password: ADMIN.password }, { ...archive.options, fsTypeOf: () => 'cifs' });
      await expect(attempt).rejects.toMatchObject({ code: 'vault.networkFolder' });
      expect(snapshot(archive.folder)).toEqual(before);
      expect(readdirSync(archive.folder)).not.toContain('archive.holder.json');
      // The same archive on a local disk opens.
      await (await archive.unlock(ADMIN.login, ADMIN.password)).lock();
    } finally {
      archive.cleanup();
    }
  });
});
