/**
 * Rule 6: the journal can only grow; no one can edit or delete an entry, and an edit made outside
 * the app is detected and named by its sequence number.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/core/db/connection';
import { ENTRY_COLUMNS, rowHash, type EntryRow } from '../../src-main/core/journal/entry';
import { CHECKPOINT_EVERY } from '../../src-main/core/journal/journal';
import { verifyArchiveJournal } from '../../src-main/core/journal/service';
import { listPeople } from '../../src-main/core/people/service';
import { readKeyring } from '../../src-main/core/vault/keyring';
import { ADMIN, lastEntries, makeArchive, type TestArchive } from '../helpers/archive';
import { runCli } from '../helpers/cli';

const AUDITOR = { login: 'wang.wu', name: '王五', department: 'audit', rank: 'staff' as const, duties: ['auditor' as const], password: 'wang-password-01' };

let archive: TestArchive;
let key: Buffer;
beforeEach(async () => {
  archive = await makeArchive();
  await archive.addPerson(AUDITOR);
  const session = await archive.unlock(ADMIN.login, ADMIN.password);
  await listPeople(session);
  key = Buffer.from(session.archive.databaseKey);
  await session.lock();
});
afterEach(() => archive.cleanup());

/** What someone with the key and a SQLCipher tool could do: drop the triggers, then edit. */
function tamper(edit: (db: Db) => void): void {
  const db = openDatabase(join(archive.folder, 'archive.db'), key);
  db.exec('DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;');
  edit(db);
  db.close();
}

function verifyWithCli(stateDir = archive.stateDir) {
  return runCli(['journal', 'verify', '--archive', archive.folder, '--as', AUDITOR.login, '--password-stdin'], `${AUDITOR.password}\n`, {
    TRIPLICATE_STATE_DIR: stateDir,
  });
}

/** Another workstation's state folder, one that never saw this archive (removed with the archive). */
function freshStateDir(): string {
  return mkdtempSync(join(archive.folder, '..', 'other-workstation-'));
}

describe('the journal can only grow', () => {
  it('UPDATE and DELETE on journal entries are refused inside the app', async () => {
    const session = await archive.unlock(ADMIN.login, ADMIN.password);
    const db = session.archive.db;
    expect(() => db.prepare("UPDATE journal SET event = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM journal WHERE seq = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM journal_heads').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM journal_signatures').run()).toThrow(/append-only/);
    await session.lock();
  });

  it('unlock, lock, people changes and reads are all entries in one chain', async () => {
    const session = await archive.unlock(AUDITOR.login, AUDITOR.password);
    const events = (session.archive.db.prepare('SELECT event, outcome FROM journal ORDER BY seq').all() as { event: string; outcome: string }[]).map(
      (e) => `${e.event}:${e.outcome}`,
    );
    expect(events.slice(0, 5)).toEqual(['archive.init:ok', 'session.lock:ok', 'session.unlock:ok', 'person.add:ok', 'session.lock:ok']);
    expect(events).toContain('person.list:ok');
    expect(events.at(-1)).toBe('session.unlock:ok');
    const report = await verifyArchiveJournal(session);
    expect(report).toMatchObject({ ok: true, count: events.length });
    await session.lock();
  });

  it('a checkpoint is signed every 1000 entries and at every lock', async () => {
    const session = await archive.unlock(ADMIN.login, ADMIN.password);
    const journal = session.archive.journal;
    const start = journal.head().seq;
    session.archive.db.transaction(() => {
      for (let i = 0; i < CHECKPOINT_EVERY; i++) journal.append({ actor: { id: null, name: null, duty: null }, event: 'test.fill', outcome: 'ok' });
    })();
    const seqs = session.archive.db.prepare("SELECT seq FROM journal_heads WHERE role = 'session'").pluck().all() as number[];
    expect(seqs).toContain(Math.ceil((start + 1) / CHECKPOINT_EVERY) * CHECKPOINT_EVERY);
    await session.lock();
    const keyring = readKeyring(archive.folder);
    const last = await archive.unlock(AUDITOR.login, AUDITOR.password);
    expect(last.archive.db.prepare('SELECT max(seq) FROM journal_heads').pluck().get()).toBe(keyring.journalHead!.seq);
    expect((await verifyArchiveJournal(last)).ok).toBe(true);
    await last.lock();
  });
});

describe('edits made outside the app are detected', () => {
  it('a journal row changed outside the app is reported by `journal verify` with its sequence number', () => {
    tamper((db) => db.prepare(`UPDATE journal SET details = '{"login":"someone-else"}' WHERE seq = 4`).run());
    const result = verifyWithCli();
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/entry 4 \(hash\)/);
    expect(result.stderr).toMatch(/entry 4/);
  });

  it('a changed row whose own hash was recomputed is caught at the next link', () => {
    tamper((db) => {
      const row = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM journal WHERE seq = 4`).raw(true).get() as EntryRow;
      row[12] = '{"login":"someone-else"}';
      db.prepare('UPDATE journal SET details = ?, hash = ? WHERE seq = 4').run(row[12], rowHash(row));
    });
    const result = verifyWithCli();
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/entry 5 \(link\)/);
  });

  it('a fully re-chained journal is caught where the change is, by the signature of the person it names', () => {
    tamper((db) => {
      const rows = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM journal ORDER BY seq`).raw(true).all() as EntryRow[];
      let prev = rows[0]![13];
      for (const row of rows) {
        if (row[0] === 4) row[12] = '{"login":"someone-else"}';
        row[13] = prev;
        row[14] = rowHash(row);
        prev = row[14];
        db.prepare('UPDATE journal SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(row[12], row[13], row[14], row[0]);
      }
    });
    // Before issue 12 the first signed checkpoint after it caught this; now the run of entry 4 does
    // (on a workstation that never saw the archive; this one reports its anchor first).
    const result = verifyWithCli(freshStateDir());
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/entry 4 \(entry-signature\)/);
    expect(verifyWithCli().stdout).toMatch(/behind-anchor/);
  });

  it('cutting off the newest entries is caught by the head signed into the keyring', () => {
    tamper((db) => {
      db.exec('DROP TRIGGER journal_heads_no_delete; DROP TRIGGER journal_signatures_no_delete;');
      const keep = 5;
      db.prepare('DELETE FROM journal_heads WHERE seq > ?').run(keep);
      db.prepare('DELETE FROM journal_signatures WHERE last_seq > ?').run(keep);
      db.prepare('DELETE FROM journal WHERE seq > ?').run(keep);
    });
    // On another workstation (no anchor of its own): the keyring's head.
    const result = verifyWithCli(freshStateDir());
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/truncated/);
    // On this workstation, which saw the head: reported first, from its anchor.
    expect(verifyWithCli().stdout).toMatch(/behind-anchor/);
  });

  it('a checkpoint signed with another key is refused', () => {
    tamper((db) => {
      db.exec('DROP TRIGGER journal_heads_no_update;');
      const forged = createHash('sha512').update('not a signature').digest('base64');
      db.prepare('UPDATE journal_heads SET signature = ? WHERE seq = (SELECT min(seq) FROM journal_heads)').run(forged);
    });
    const result = verifyWithCli();
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/checkpoint-signature/);
  });

  it('a time block changed outside the app (to hide entries from date filters) is detected', async () => {
    const session = await archive.unlock(ADMIN.login, ADMIN.password);
    const journal = session.archive.journal;
    session.archive.db.transaction(() => {
      for (let i = 0; i < 1000; i++) journal.append({ actor: { id: null, name: null, duty: null }, event: 'test.fill', outcome: 'ok' });
    })();
    await session.lock();
    tamper((db) => {
      db.exec('DROP TRIGGER journal_time_blocks_no_update;');
      db.prepare("UPDATE journal_time_blocks SET min_at = '2099-01-01T00:00:00.000Z' WHERE block = 0").run();
    });
    const result = verifyWithCli();
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/entry 1 \(time-index\)/);
  });

  it('an intact journal verifies with exit 0', async () => {
    const result = verifyWithCli();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Journal intact: \d+ entries/);
    const session = await archive.unlock(AUDITOR.login, AUDITOR.password);
    expect(lastEntries(session, 3).map((e) => e.event)).toEqual(['journal.verify', 'session.lock', 'session.unlock']);
    await session.lock();
  });
});
