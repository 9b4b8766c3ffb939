/**
 * Issue 11, point 7: output paths never touch an archive. Every command and IPC call that writes a
 * file refuses a path inside the archive in use, inside any folder that looks like an archive, over
 * the keyring or inside the state folder — whatever --force says — and exports are created 0600.
 * Each of these wrote into the archive (or replaced archive.db) before the fix.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveError } from '../../src-main/core/errors';
import { exportJournal } from '../../src-main/core/journal/export/export';
import { exportRegister } from '../../src-main/core/loans/register';
import { exportRevocations } from '../../src-main/core/offline';
import type { Session } from '../../src-main/core/session';
import { lastEntries, makeArchive, type TestArchive } from '../helpers/archive';
import { runCli } from '../helpers/cli';
import { APP, ipcHarness } from '../helpers/ipc';
import { asPerson } from '../helpers/as-person';

const AUDITOR = { login: 'wang.wu', name: '王五', department: 'audit', rank: 'staff' as const, duties: ['auditor' as const], password: 'wang-password-01' };
const CUSTODIAN = { login: 'li.si', name: '李四', department: 'sales', rank: 'staff' as const, duties: ['custodian' as const], password: 'li-password-001' };
const STAFF = { login: 'zhao.liu', name: '赵六', department: 'it', rank: 'staff' as const, password: 'zhao-password-1' };

let archive: TestArchive;
let outside: string;
let lookalike: string;
beforeAll(async () => {
  archive = await makeArchive();
  for (const p of [AUDITOR, CUSTODIAN, STAFF]) await archive.addPerson(p);
  outside = mkdtempSync(join(tmpdir(), 'triplicate-out-'));
  // A folder that looks like an archive (a copy, another archive): it has a keyring.
  lookalike = join(outside, 'other-archive');
  mkdirSync(lookalike);
  writeFileSync(join(lookalike, 'keyring.json'), '{}');
  mkdirSync(join(archive.folder, 'sub'), { recursive: true });
  symlinkSync(archive.folder, join(outside, 'link-to-archive'));
}, 600_000);
afterAll(() => {
  archive.cleanup();
  rmSync(outside, { recursive: true, force: true });
});

const as = <T>(who: { login: string; password: string }, body: (s: Session) => Promise<T>): Promise<T> => asPerson(archive, who, body);

const refused = (e: unknown) => e instanceof ArchiveError && e.code === 'output.insideArchive';

function forbiddenPaths(): string[] {
  return [
    join(archive.folder, 'archive.db'),
    join(archive.folder, 'keyring.json'),
    join(archive.folder, 'export.csv'),
    join(archive.folder, 'sub', 'export.csv'),
    join(lookalike, 'export.csv'),
    join(outside, 'link-to-archive', 'export.csv'),
    join(archive.stateDir, 'export.csv'),
  ];
}

describe('no export lands in an archive, whatever --force says', () => {
  it('journal export (auditor) refuses every such path, journals it, and leaves the archive byte-identical', () =>
    as(AUDITOR, async (s) => {
      for (const out of forbiddenPaths()) {
        const names = readdirSync(archive.folder).sort();
        const keyring = readFileSync(join(archive.folder, 'keyring.json'));
        for (const format of ['csv', 'xlsx'] as const) {
          await expect(exportJournal(s, { format, out, force: true }), out).rejects.toSatisfy(refused);
        }
        expect(lastEntries(s, 1)[0]).toMatchObject({ event: 'journal.export', outcome: 'error', reason: 'output.insideArchive' });
        // Nothing planted, nothing replaced: the same files, the same keyring (the refusal is a journal entry).
        expect(readdirSync(archive.folder).sort()).toEqual(names);
        expect(readFileSync(join(archive.folder, 'keyring.json')).equals(keyring)).toBe(true);
      }
    }));

  it('register export (custodian) and offline revocations (staff) refuse them too', async () => {
    await as(CUSTODIAN, async (s) => {
      for (const out of forbiddenPaths()) {
        await expect(exportRegister(s, { department: 'sales', out, force: true }), out).rejects.toSatisfy(refused);
      }
    });
    await as(STAFF, async (s) => {
      for (const out of forbiddenPaths()) {
        await expect(exportRevocations(s, { out, force: true }), out).rejects.toSatisfy(refused);
      }
      expect(lastEntries(s, 1)[0]).toMatchObject({ event: 'offline.revocations', outcome: 'error', reason: 'output.insideArchive' });
    });
  });

  it('the CLI: offline revocations --out <archive>/archive.db --force exits 1, names the path, and the database survives', () => {
    const target = join(archive.folder, 'archive.db');
    const before = statSync(target).size;
    const r = runCli(
      ['offline', 'revocations', '--archive', archive.folder, '--as', STAFF.login, '--out', target, '--force', '--password-stdin'],
      `${STAFF.password}\n`,
      { TRIPLICATE_STATE_DIR: archive.stateDir },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(target);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(statSync(target).size).toBeGreaterThanOrEqual(before);
    const again = runCli(['person', 'list', '--archive', archive.folder, '--as', 'admin', '--password-stdin'], 'admin-password-1\n', {
      TRIPLICATE_STATE_DIR: archive.stateDir,
    });
    expect(again.status, again.stderr).toBe(0);
  });

  it('IPC: a save dialog answer inside the archive is refused the same way', async () => {
    const h = ipcHarness(archive, { chooseSaveFile: async () => join(archive.folder, 'journal.csv') });
    await h.as(AUDITOR);
    const r = await h.router.handle('journal:export', { format: 'csv' }, APP);
    expect(r).toMatchObject({ ok: false, error: { code: 'output.insideArchive' } });
    await h.manager.lock('user');
  });
});

describe('exports are readable by their owner only', () => {
  it('journal (csv, xlsx, jsonl + manifest), register and revocation list are created 0600', async () => {
    const mode = (path: string) => statSync(path).mode & 0o777;
    await as(AUDITOR, async (s) => {
      for (const format of ['csv', 'xlsx', 'jsonl'] as const) {
        const r = await exportJournal(s, { format, out: join(outside, `journal.${format}`) });
        expect(mode(r.file), format).toBe(0o600);
        expect(mode(r.manifestFile), format).toBe(0o600);
      }
    });
    await as(CUSTODIAN, async (s) => {
      const r = await exportRegister(s, { department: 'sales', out: join(outside, 'register.csv') });
      expect(mode(r.file)).toBe(0o600);
    });
    await as(STAFF, async (s) => {
      const r = await exportRevocations(s, { out: join(outside, 'revocations.json') });
      expect(mode(r.file)).toBe(0o600);
    });
  });
});
