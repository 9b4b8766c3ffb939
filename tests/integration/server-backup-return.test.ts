/**
 * Issue 14: a backup and an offline package's return from a workstation of the archive server.
 * The backup is routed: the server (which holds the archive) makes it and the workstation saves it
 * where main's dialog says. The return is refused with its own message in both languages (the
 * package is a file on the workstation, and the server takes no files), journaled on the server,
 * and nothing changes.
 */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../../src-main/contract/messages';
import { verifyJournal } from '../../src-main/core/journal/verify';
import { readBackupLayout } from '../../src-main/core/vault/backup-file';
import type { OpenArchive } from '../../src-main/core/vault/open-archive';
import { restoreArchive } from '../../src-main/core/vault/restore';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { ADMIN, makeArchive, type TestArchive } from '../helpers/archive';
import { serveArchive, type TestServer } from '../helpers/server';
import { makeWorkstation, type TestWorkstation } from '../helpers/workstation';

let archive: TestArchive;
let served: TestServer;
let w: TestWorkstation;
const serverArchive = (): OpenArchive => served.archive;
const count = (sql: string, ...args: unknown[]) =>
  (
    serverArchive()
      .db.prepare(sql)
      .get(...args) as { n: number }
  ).n;

beforeAll(async () => {
  archive = await makeArchive();
  served = await serveArchive(archive);
  w = makeWorkstation();
  const signed = await w.call('server:signIn', {
    address: `127.0.0.1:${served.port}`,
    fingerprint: served.fingerprint,
    login: ADMIN.login,
    password: ADMIN.password,
  });
  if (!signed.ok) throw new Error(signed.error.code);
}, 120_000);

afterAll(async () => {
  await w?.close();
  await served?.stop();
  archive?.cleanup();
});

describe('backups and returns from a workstation', () => {
  it('a backup is made by the server and saved on the workstation, whole', async () => {
    const before = count("SELECT count(*) AS n FROM journal WHERE event = 'vault.backup' AND outcome = 'ok'");
    const result = await w.call<{ cancelled: boolean; file: string; size: number; journalSeq: number }>('backup:run', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.cancelled).toBe(false);
    // Saved where the workstation's dialog said, not left at the server's path.
    const serverTemp = (served.server as unknown as { ctx: { tempRoot: string } }).ctx.tempRoot;
    expect(result.value.file.startsWith(serverTemp)).toBe(false);
    expect(result.value.file.startsWith(archive.folder)).toBe(false);
    expect(existsSync(result.value.file)).toBe(true);
    expect(statSync(result.value.file).size).toBe(result.value.size);
    expect(statSync(result.value.file).mode & 0o077).toBe(0);
    expect(readFileSync(result.value.file).length).toBeGreaterThan(4096);
    expect(count("SELECT count(*) AS n FROM journal WHERE event = 'vault.backup' AND outcome = 'ok'")).toBe(before + 1);
    expect(w.events.some((e) => e.event === 'event:backupProgress')).toBe(true);
  }, 120_000);

  it('a backup taken while another workstation writes is consistent: restored, it opens and verifies at its head', async () => {
    // A second workstation keeps writing journal entries (every request is one) during the backup.
    const other = makeWorkstation();
    try {
      const signed = await other.call('server:signIn', {
        address: `127.0.0.1:${served.port}`,
        fingerprint: served.fingerprint,
        login: ADMIN.login,
        password: ADMIN.password,
      });
      expect(signed.ok).toBe(true);
      let writing = true;
      let writes = 0;
      const writer = (async () => {
        while (writing) {
          const r = await other.call('people:list', {});
          if (r.ok) writes++;
        }
      })();
      while (writes < 5) await new Promise((r) => setImmediate(r));
      const result = await w.call<{ cancelled: boolean; file: string; journalSeq: number }>('backup:run', {});
      const during = writes;
      while (writes < during + 5) await new Promise((r) => setImmediate(r));
      writing = false;
      await writer;
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const { manifest } = readBackupLayout(result.value.file);
      const to = join(mkdtempSync(join(tmpdir(), 'triplicate-restore-')), 'restored');
      await restoreArchive({ file: result.value.file, to, login: ADMIN.login, password: ADMIN.password }, archive.options);
      const restored = await unlockArchive({ folder: to, login: ADMIN.login, password: ADMIN.password }, archive.options);
      try {
        const a = restored.archive;
        const chain = verifyJournal(a.db, { archiveId: a.archiveId, publicKey: a.signer.publicKey, keyringHead: a.keyring.journalHead });
        expect(chain.ok).toBe(true);
        const head = a.db.prepare('SELECT hash FROM journal WHERE seq = ?').get(manifest.journalHead.seq) as { hash: string };
        expect(head.hash).toBe(manifest.journalHead.hash);
      } finally {
        await restored.lock();
      }
      // The server went on writing after the backup: its journal is past the backup's head.
      expect(count('SELECT max(seq) AS n FROM journal')).toBeGreaterThan(manifest.journalHead.seq);
    } finally {
      await other.close();
    }
  }, 180_000);

  it("a return is refused with its own message, in the person's language, and journaled on the server", async () => {
    const refusals = () => count("SELECT count(*) AS n FROM journal WHERE event = 'remote.refused' AND reason = 'remote.packageReturnLocal'");
    const before = refusals();
    const head = serverArchive().journal.head().seq;
    const refused = await w.call('offline:return', { card: 'JY-2026-0001' });
    expect(!refused.ok && refused.error.code).toBe('remote.packageReturnLocal');
    expect(!refused.ok && refused.error.message).toBe(formatError({ code: 'remote.packageReturnLocal', params: {} }, 'en'));
    expect(refusals()).toBe(before + 1);
    // One entry, the refusal: nothing else changed.
    expect(serverArchive().journal.head().seq).toBe(head + 1);

    await w.call('app:setLocale', { locale: 'zh-CN' });
    const zh = await w.call('offline:return', { card: 'JY-2026-0001' });
    expect(!zh.ok && zh.error.message).toContain('离线包');
    expect(refusals()).toBe(before + 2);
  }, 60_000);
});
