/**
 * Backups that restore (issue 16, point 5): backup → restore into a new folder → the archive opens
 * for every person and its journal verifies with the manifest's head; a tampered backup is refused;
 * restoring over an archive whose journal is newer is refused unless forced, and the forced restore
 * is journaled in the restored archive.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveError } from '../../src-main/core/errors';
import { verifyJournal } from '../../src-main/core/journal/verify';
import { readBackupLayout } from '../../src-main/core/vault/backup-file';
import { backupArchive, backupStatus } from '../../src-main/core/vault/backup';
import { restoreArchive } from '../../src-main/core/vault/restore';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { ADMIN, lastEntries, makeArchive, snapshot, type TestArchive } from '../helpers/archive';
import { runCli } from '../helpers/cli';

const MANAGER = { login: 'zhang.san', name: '张三', department: 'sales', rank: 'account-manager' as const, password: 'zhang-password-1' };
const AUDITOR = { login: 'shen.ji', name: '审计', department: 'sales', rank: 'staff' as const, duties: ['auditor' as const], password: 'shenji-password-1' };

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof ArchiveError && e.code === code);
}

let archive: TestArchive;
let out: string;
beforeEach(async () => {
  archive = await makeArchive();
  await archive.addPerson(MANAGER);
  await archive.addPerson(AUDITOR);
  out = mkdtempSync(join(tmpdir(), 'triplicate-backup-'));
});
afterEach(() => {
  archive.cleanup();
  rmSync(out, { recursive: true, force: true });
});

async function takeBackup(name = 'archive.tbk'): Promise<string> {
  const admin = await archive.unlock(ADMIN.login, ADMIN.password);
  try {
    const phases: string[] = [];
    const report = await backupArchive(admin, { out: join(out, name) }, (p) => phases.push(p.phase));
    expect(phases[0]).toBe('snapshot');
    expect(phases.at(-1)).toBe('done');
    const [entry] = lastEntries(admin);
    expect(entry).toMatchObject({ event: 'vault.backup', outcome: 'ok' });
    return report.file;
  } finally {
    await admin.lock();
  }
}

const restoreOpts = () => archive.options;

describe('backup and restore', () => {
  it('restores into a new folder that opens for every person, with a verified journal and the manifest head', async () => {
    const file = await takeBackup();
    const bytes = readFileSync(file);
    for (const secret of [MANAGER.name, MANAGER.login, 'CREATE TABLE', 'session.unlock']) expect(bytes.includes(Buffer.from(secret))).toBe(false);
    const { manifest } = readBackupLayout(file);

    const to = join(out, 'restored');
    const report = await restoreArchive({ file, to, login: ADMIN.login, password: ADMIN.password }, restoreOpts());
    expect(report).toMatchObject({ folder: to, journalSeq: manifest.journalHead.seq, forced: false, replaced: null });
    expect(readdirSync(out).filter((n) => n.includes('restoring'))).toEqual([]);

    for (const person of [MANAGER, AUDITOR, ADMIN]) {
      const session = await unlockArchive({ folder: to, login: person.login, password: person.password }, restoreOpts());
      await session.lock();
    }
    const auditor = await unlockArchive({ folder: to, login: AUDITOR.login, password: AUDITOR.password }, restoreOpts());
    try {
      const a = auditor.archive;
      const chain = verifyJournal(a.db, { archiveId: a.archiveId, publicKey: a.signer.publicKey, keyringHead: a.keyring.journalHead });
      expect(chain.ok).toBe(true);
      const head = a.db.prepare('SELECT hash FROM journal WHERE seq = ?').get(manifest.journalHead.seq) as { hash: string };
      expect(head.hash).toBe(manifest.journalHead.hash);
      const restoreEntry = a.db.prepare(`SELECT * FROM journal WHERE event = 'vault.restore'`).all() as { outcome: string; details: string }[];
      expect(restoreEntry).toHaveLength(1);
      expect(restoreEntry[0]!.outcome).toBe('ok');
      expect(JSON.parse(restoreEntry[0]!.details)).toMatchObject({ forced: false });
    } finally {
      await auditor.lock();
    }
  });

  it('refuses a tampered backup file and leaves no folder behind', async () => {
    const file = await takeBackup();
    const bytes = readFileSync(file);
    // One byte inside the encrypted database, one inside the keyring, and the manifest itself.
    const { offsets, manifest } = readBackupLayout(file);
    const cases: [string, (b: Buffer) => void][] = [
      ['archive.db', (b) => (b[offsets[1]! + 5000]! ^= 1)],
      ['keyring.json', (b) => (b[offsets[0]! + 40]! ^= 1)],
      [
        'signature',
        (b) => {
          const at = b.lastIndexOf(Buffer.from(`"seq":${manifest.journalHead.seq}`));
          b.write(`"seq":${manifest.journalHead.seq + 1}`.slice(0, 7 + String(manifest.journalHead.seq).length), at);
        },
      ],
    ];
    for (const [detail, damage] of cases) {
      const copy = Buffer.from(bytes);
      damage(copy);
      const bad = join(out, `bad-${detail}.tbk`);
      writeFileSync(bad, copy);
      const to = join(out, `r-${detail}`);
      await expect(restoreArchive({ file: bad, to, login: ADMIN.login, password: ADMIN.password }, restoreOpts())).rejects.toSatisfy(
        (e: unknown) => e instanceof ArchiveError && e.code === 'backup.tampered',
      );
      expect(existsSync(to)).toBe(false);
    }
    writeFileSync(join(out, 'foreign.tbk'), 'hello');
    await expectCode(restoreArchive({ file: join(out, 'foreign.tbk'), to: join(out, 'x'), login: ADMIN.login, password: ADMIN.password }), 'backup.foreign');
  });

  it('refuses to restore over an archive whose journal is newer unless forced, and journals the forced restore', async () => {
    const file = await takeBackup();
    // The live archive moves on after the backup.
    const manager = await archive.unlock(MANAGER.login, MANAGER.password);
    await manager.lock();
    const before = snapshot(archive.folder);
    await expectCode(restoreArchive({ file, to: archive.folder, login: ADMIN.login, password: ADMIN.password }, restoreOpts()), 'backup.newerJournal');
    expect(snapshot(archive.folder)).toEqual(before);

    const report = await restoreArchive({ file, to: archive.folder, login: ADMIN.login, password: ADMIN.password, force: true }, restoreOpts());
    expect(report.forced).toBe(true);
    expect(report.replaced && existsSync(join(report.replaced, 'archive.db'))).toBe(true);
    const admin = await archive.unlock(ADMIN.login, ADMIN.password);
    try {
      const row = admin.archive.db.prepare(`SELECT details FROM journal WHERE event = 'vault.restore'`).get() as { details: string };
      expect(JSON.parse(row.details)).toMatchObject({ forced: true });
    } finally {
      await admin.lock();
    }
  });

  it('is for administrators only: a refused backup is journaled and writes no file', async () => {
    const manager = await archive.unlock(MANAGER.login, MANAGER.password);
    try {
      await expectCode(backupArchive(manager, { out: join(out, 'm.tbk') }), 'denied.notAdmin');
      expect(lastEntries(manager)[0]).toMatchObject({ event: 'vault.backup', outcome: 'denied', reason: 'denied.notAdmin' });
      expect(existsSync(join(out, 'm.tbk'))).toBe(false);
    } finally {
      await manager.lock();
    }
    const admin = await archive.unlock(ADMIN.login, ADMIN.password);
    try {
      await backupArchive(admin, { out: join(out, 'a.tbk') });
      await expectCode(backupArchive(admin, { out: join(out, 'a.tbk') }), 'backup.fileExists');
    } finally {
      await admin.lock();
    }
  });

  it('reports the last backup age and warns after the interval', async () => {
    const admin = await archive.unlock(ADMIN.login, ADMIN.password);
    try {
      expect(await backupStatus(admin, 7)).toMatchObject({ last: null, overdue: true });
      await backupArchive(admin, { out: join(out, 'a.tbk') });
      expect(await backupStatus(admin, 7)).toMatchObject({ overdue: false, ageDays: 0 });
      archive.clock.advance(8 * 86_400_000);
      const later = await backupStatus(admin, 7);
      expect(later.overdue).toBe(true);
      expect(later.ageDays).toBeCloseTo(8);
    } finally {
      await admin.lock();
    }
  });

  it('works from the command line', () => {
    const env = { TRIPLICATE_STATE_DIR: archive.stateDir };
    const file = join(out, 'cli.tbk');
    const b = runCli(['backup', '--archive', archive.folder, '--as', ADMIN.login, '--out', file, '--password-stdin'], `${ADMIN.password}\n`, env);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/Backup written/);
    const to = join(out, 'cli-restored');
    const r = runCli(['restore', file, '--to', to, '--as', ADMIN.login, '--password-stdin'], `${ADMIN.password}\n`, env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/journal verifies/);
    const again = runCli(['restore', file, '--to', archive.folder, '--as', ADMIN.login, '--password-stdin'], `${ADMIN.password}\n`, env);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/newer journal/);
  });
});
