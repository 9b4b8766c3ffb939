/**
 * Issue 11, point 8: one bad string must not break the journal for ever. A lone surrogate reaching
 * a journal column was changed by SQLite's UTF-8 storage, and verify called the journal BROKEN from
 * then on, hiding any later tampering. Now every text field is made valid and normalised before it
 * is hashed, and verify names every problem it finds, not only the first.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/db/connection';
import { verifyArchiveJournal } from '../../src-main/core/journal/service';
import { journalText } from '../../src-main/core/journal/text';
import { ADMIN, lastEntries, makeArchive, type TestArchive } from '../helpers/archive';
import { APP, ipcHarness } from '../helpers/ipc';

const AUDITOR = { login: 'wang.wu', name: '王五', department: 'audit', rank: 'staff' as const, duties: ['auditor' as const], password: 'wang-password-01' };

let archive: TestArchive;
beforeEach(async () => {
  archive = await makeArchive();
  await archive.addPerson(AUDITOR);
});
afterEach(() => archive.cleanup());

describe('text entering the journal', () => {
  it('escapes lone surrogates and NUL, and normalises to NFC', () => {
    expect(journalText('a\uD800b')).toBe('a\\ud800b');
    expect(journalText('x\uDC00')).toBe('x\\udc00');
    expect(journalText('n\u0000')).toBe('n\\u0000');
    expect(journalText('😀 e\u0301')).toBe('😀 \u00e9');
    expect(journalText('plain')).toBe('plain');
  });

  it('an entry whose object id and actor name carry lone surrogates still verifies', async () => {
    const session = await archive.unlock(AUDITOR.login, AUDITOR.password);
    try {
      session.archive.journal.append({
        actor: { id: null, name: 'bad\uD83D', duty: null },
        event: 'test.surrogate',
        object: { type: 'dossier', id: 'id-\uDE00-\u0000' },
        outcome: 'denied',
        reason: 'input.invalid',
        details: { text: 'x\uD800' },
      });
      const [entry] = lastEntries(session, 1);
      expect(entry).toMatchObject({ actorName: 'bad\\ud83d', objectId: 'id-\\ude00-\\u0000' });
      expect(await verifyArchiveJournal(session)).toMatchObject({ ok: true });
    } finally {
      await session.lock();
    }
  });

  it('a refused IPC request carrying a lone surrogate leaves a journal that verifies', async () => {
    const h = ipcHarness(archive);
    await h.as(AUDITOR);
    const bad = 'KH-2026-\uD800';
    for (const [channel, payload] of [
      ['dossiers:open', { id: bad }],
      ['catalogue:nope\uDFFF', { text: bad }],
      ['cards:findCopies', { text: '客户\uD800' }],
      ['journal:read', { filters: { event: 'x\uD800' } }],
    ] as const) {
      const r = await h.router.handle(channel, payload, APP);
      expect(r.ok, channel).toBe(false);
    }
    const session = h.manager.current!;
    expect(await verifyArchiveJournal(session)).toMatchObject({ ok: true });
    await h.manager.lock('user');
  });
});

describe('verify names every problem', () => {
  it('two entries changed far apart are both reported, the first still as `problem`', async () => {
    const session = await archive.unlock(ADMIN.login, ADMIN.password);
    const key = Buffer.from(session.archive.databaseKey);
    const journal = session.archive.journal;
    session.archive.db.transaction(() => {
      for (let i = 0; i < 30; i++) journal.append({ actor: { id: null, name: null, duty: null }, event: 'test.fill', outcome: 'ok' });
    })();
    await session.lock();
    const db = openDatabase(join(archive.folder, 'archive.db'), key);
    db.exec('DROP TRIGGER journal_no_update');
    db.exec("UPDATE journal SET event = 'changed' WHERE seq IN (8, 21)");
    db.close();
    const auditor = await archive.unlock(AUDITOR.login, AUDITOR.password);
    try {
      const report = await verifyArchiveJournal(auditor);
      expect(report.ok).toBe(false);
      expect(report.problem).toEqual({ seq: 8, kind: 'hash' });
      expect(report.problems).toEqual([
        { seq: 8, kind: 'hash' },
        { seq: 21, kind: 'hash' },
      ]);
      // Entries before the first problem are the ones counted as intact, as before.
      expect(report.count).toBe(7);
    } finally {
      await auditor.lock();
    }
  });
});
