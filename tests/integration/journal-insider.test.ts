/**
 * Issue 12: a journal no insider can rewrite. Each case is driven as the security review did: an
 * ordinary member of staff with no duty signs in with their own password, takes the raw database
 * key (every slot unseals the same one) and their own signing key, edits the database outside the
 * app, and an auditor verifies. Asserted: what verify reports and where (the sequence number).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/core/db/connection';
import { ENTRY_COLUMNS, genesisHash, rowHash, type EntryRow } from '../../src-main/core/journal/entry';
import { entriesMessage, nextDigest, sessionDigestStart } from '../../src-main/core/journal/person-signatures';
import { makeSigner, newSigningKey } from '../../src-main/core/journal/signer';
import { verifyArchiveJournal } from '../../src-main/core/journal/service';
import { listDepartments, listPeople } from '../../src-main/core/people/service';
import { readKeyring, type Keyring } from '../../src-main/core/vault/keyring';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { ADMIN, makeArchive, type TestArchive } from '../helpers/archive';

const AUDITOR = { login: 'wang.wu', name: '王五', department: 'audit', rank: 'staff' as const, duties: ['auditor' as const], password: 'wang-password-01' };
const STAFF = { login: 'staff1', name: '赵六', department: 'sales', rank: 'staff' as const, password: 'staff-password-1' };

let archive: TestArchive;
let archiveId: string;
/** What staff1 holds after signing in with their own password. */
let insider: { key: Buffer; personId: string; der: Buffer; publicKey: Buffer };
let otherWorkstations: string[] = [];

async function staffSession(): Promise<void> {
  const session = await archive.unlock(STAFF.login, STAFF.password);
  await listDepartments(session);
  await listPeople(session).catch(() => undefined); // refused: still an entry in staff1's name
  const signer = session.archive.journal.signer!;
  insider = { key: Buffer.from(session.archive.databaseKey), personId: session.actor.id, der: Buffer.from(signer.privateKeyDer), publicKey: signer.publicKey };
  await session.lock();
}

async function adminSession(): Promise<void> {
  const session = await archive.unlock(ADMIN.login, ADMIN.password);
  await listPeople(session);
  await listDepartments(session);
  await session.lock();
}

beforeEach(async () => {
  archive = await makeArchive();
  archiveId = readKeyring(archive.folder).archiveId;
  await archive.addPerson(AUDITOR);
  await archive.addPerson(STAFF);
  await staffSession();
  await adminSession();
});
afterEach(() => {
  archive.cleanup();
  for (const dir of otherWorkstations) rmSync(dir, { recursive: true, force: true });
  otherWorkstations = [];
});

/** The auditor verifies, on this workstation or on another one that has never seen the archive. */
async function auditorVerifies(where: 'here' | 'elsewhere' = 'here') {
  let stateDir = archive.stateDir;
  if (where === 'elsewhere') {
    stateDir = mkdtempSync(join(tmpdir(), 'triplicate-ws-'));
    otherWorkstations.push(stateDir);
  }
  const session = await unlockArchive({ folder: archive.folder, login: AUDITOR.login, password: AUDITOR.password }, { ...archive.options, stateDir });
  try {
    const report = await verifyArchiveJournal(session);
    const audits = session.archive.db.prepare("SELECT count(*) FROM journal_heads WHERE role = 'audit'").pluck().get() as number;
    return { report, audits, integrity: session.archive.integrity };
  } finally {
    await session.lock();
  }
}

/** What staff1 can do with the raw key and a SQLCipher tool: drop the triggers, then edit. */
function tamper(edit: (db: Db) => void): void {
  const db = openDatabase(join(archive.folder, 'archive.db'), insider.key);
  for (const trigger of db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").pluck().all() as string[]) db.exec(`DROP TRIGGER ${trigger}`);
  edit(db);
  db.close();
}

function rows(db: Db): EntryRow[] {
  return db.prepare(`SELECT ${ENTRY_COLUMNS} FROM journal ORDER BY seq`).raw(true).all() as EntryRow[];
}

/** Rewrites the journal as `list`, renumbered from 1 and re-chained from the genesis hash. */
function rewriteChain(db: Db, list: EntryRow[]): void {
  db.prepare('DELETE FROM journal').run();
  const insert = db.prepare(
    `INSERT INTO journal (${ENTRY_COLUMNS}) VALUES (${ENTRY_COLUMNS.split(',')
      .map(() => '?')
      .join(',')})`,
  );
  let prev = genesisHash(archiveId);
  list.forEach((row, i) => {
    const next = [...row] as EntryRow;
    next[0] = i + 1;
    next[13] = prev;
    next[14] = rowHash(next);
    prev = next[14];
    insert.run(...next);
  });
}

/** Signs `first..last` as staff1 would with their own key, in a session of their own making. */
function signAsInsider(db: Db, ranges: [number, number][]): void {
  const signer = makeSigner(insider.publicKey, insider.der);
  const session = randomBytes(16).toString('hex');
  let digest = sessionDigestStart(archiveId, insider.personId, session);
  for (const [first, last] of ranges) {
    const hash = db.prepare('SELECT hash FROM journal WHERE seq = ?').pluck().get(last) as string;
    digest = nextDigest(digest, first, last);
    const signature = signer.sign(entriesMessage(archiveId, insider.personId, session, first, last, hash, digest));
    db.prepare('INSERT OR REPLACE INTO journal_signatures VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      last,
      first,
      insider.personId,
      session,
      digest,
      signer.fingerprint,
      signature,
    );
  }
}

function appendRaw(db: Db, fields: Partial<Record<'actorId' | 'actorName' | 'actorDuty' | 'event' | 'details', string | null>>): number {
  const last = rows(db).at(-1)!;
  const row: EntryRow = [
    last[0] + 1,
    '2026-01-05T09:30:00.000Z',
    480,
    fields.actorId ?? null,
    fields.actorName ?? null,
    fields.actorDuty ?? null,
    'test-workstation',
    fields.event ?? 'dossier.open',
    'dossier',
    'KH-2026-00001',
    'ok',
    null,
    fields.details ?? '{}',
    last[14]!,
  ];
  row[14] = rowHash(row);
  db.prepare(
    `INSERT INTO journal (${ENTRY_COLUMNS}) VALUES (${ENTRY_COLUMNS.split(',')
      .map(() => '?')
      .join(',')})`,
  ).run(...row);
  return row[0];
}

function personId(db: Db, login: string): string {
  return db.prepare('SELECT id FROM people WHERE login = ?').pluck().get(login) as string;
}

function seqOf(db: Db, event: string, actorId: string): number {
  return db.prepare('SELECT min(seq) FROM journal WHERE event = ? AND actor_id = ?').pluck().get(event, actorId) as number;
}

function writeKeyringHead(head: Keyring['journalHead']): void {
  const path = join(archive.folder, 'keyring.json');
  const keyring = JSON.parse(readFileSync(path, 'utf8')) as Keyring;
  writeFileSync(path, JSON.stringify({ ...keyring, journalHead: head }, null, 2));
}

describe('an insider with the raw key and their own signing key', () => {
  it('cannot erase their own read by re-chaining and re-signing: reported where it was erased', async () => {
    let erased = 0;
    tamper((db) => {
      const all = rows(db);
      erased = seqOf(db, 'department.list', insider.personId);
      rewriteChain(
        db,
        all.filter((r) => r[0] !== erased),
      );
      // Re-sign every one of their own entries from there on; nobody else's can be re-signed.
      db.prepare('DELETE FROM journal_signatures WHERE last_seq >= ?').run(erased);
      const own = (db.prepare('SELECT seq FROM journal WHERE seq >= ? AND actor_id = ?').pluck().all(erased, insider.personId) as number[]).map(
        (s) => [s, s] as [number, number],
      );
      signAsInsider(db, own);
    });
    const elsewhere = await auditorVerifies('elsewhere');
    expect(elsewhere.report.ok).toBe(false);
    // Staff1's own entries after it are re-signed; the first place they could not make good
    // (their lock's checkpoint, or the administrator's next entry) is at most two entries on.
    expect(elsewhere.report.problem!.seq).toBeGreaterThanOrEqual(erased);
    expect(elsewhere.report.problem!.seq).toBeLessThanOrEqual(erased + 2);
    expect(['unsigned', 'entry-signature', 'checkpoint-missing', 'checkpoint-mismatch']).toContain(elsewhere.report.problem!.kind);
    expect(elsewhere.audits).toBe(0);
    // This workstation saw the genuine head: that is said first.
    const here = await auditorVerifies('here');
    expect(here.report.problem).toMatchObject({ kind: 'behind-anchor' });
  });

  it("cannot append an entry in another person's name, with or without their own signature", async () => {
    let forged = 0;
    tamper((db) => {
      const admin = personId(db, ADMIN.login);
      forged = appendRaw(db, { actorId: admin, actorName: ADMIN.name, actorDuty: 'admin', event: 'person.setDuties' });
    });
    const unsigned = await auditorVerifies('here');
    expect(unsigned.report.problem).toEqual({ seq: forged, kind: 'unsigned' });
    // The auditor's verify never signs a head over an entry it cannot attribute.
    expect(unsigned.audits).toBe(0);
    expect(unsigned.report.coSigned).toBeNull();
    tamper((db) => signAsInsider(db, [[forged, forged]]));
    const covered = await auditorVerifies('here');
    expect(covered.report.problem).toEqual({ seq: forged, kind: 'signer-mismatch' });
    expect(covered.audits).toBe(0);
  });

  it('cannot record a new key for the administrator in an entry of their own', async () => {
    let forged = 0;
    tamper((db) => {
      const admin = personId(db, ADMIN.login);
      const key = newSigningKey();
      const record = { person: admin, publicKey: key.publicKey.toString('base64') };
      const row = rows(db).at(-1)!;
      const entry: EntryRow = [
        row[0] + 1,
        '2026-01-05T09:30:00.000Z',
        480,
        insider.personId,
        STAFF.name,
        'admin',
        'x',
        'person.resetPassword',
        'person',
        admin,
        'ok',
        null,
        JSON.stringify({ signingKey: record }),
        row[14]!,
      ];
      entry[14] = rowHash(entry);
      db.prepare(
        `INSERT INTO journal (${ENTRY_COLUMNS}) VALUES (${ENTRY_COLUMNS.split(',')
          .map(() => '?')
          .join(',')})`,
      ).run(...entry);
      forged = entry[0];
      signAsInsider(db, [[forged, forged]]);
    });
    const { report } = await auditorVerifies('here');
    expect(report.problem).toEqual({ seq: forged, kind: 'key-record' });
  });

  it('cannot sign as a person whose public key was never recorded', async () => {
    let forged = 0;
    tamper((db) => {
      // A person added straight into the database, with a key of the insider's making.
      const ghost = 'ghost-0000';
      const key = newSigningKey();
      const signer = makeSigner(key.publicKey, key.privateKeyDer);
      forged = appendRaw(db, { actorId: ghost, actorName: '幽灵', event: 'dossier.open' });
      const hash = db.prepare('SELECT hash FROM journal WHERE seq = ?').pluck().get(forged) as string;
      const session = 'ghost-session';
      const digest = nextDigest(sessionDigestStart(archiveId, ghost, session), forged, forged);
      db.prepare('INSERT INTO journal_signatures VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        forged,
        forged,
        ghost,
        session,
        digest,
        signer.fingerprint,
        signer.sign(entriesMessage(archiveId, ghost, session, forged, forged, hash, digest)),
      );
    });
    const { report } = await auditorVerifies('here');
    expect(report.problem).toEqual({ seq: forged, kind: 'unknown-key' });
  });

  it('a forged entry inserted in the middle is reported at its own place', async () => {
    const place = 9;
    tamper((db) => {
      const all = rows(db);
      const admin = personId(db, ADMIN.login);
      const forged: EntryRow = [
        0,
        all[place - 2]![1],
        480,
        admin,
        ADMIN.name,
        'admin',
        'test-workstation',
        'dossier.open',
        'dossier',
        'KH-2026-00001',
        'ok',
        null,
        '{}',
        '',
      ];
      rewriteChain(db, [...all.slice(0, place - 1), forged, ...all.slice(place - 1)]);
    });
    const { report } = await auditorVerifies('elsewhere');
    expect(report.problem!.seq).toBe(place);
    expect(['signer-mismatch', 'entry-signature', 'unsigned']).toContain(report.problem!.kind);
  });

  it('cutting the journal back to an older genuine head, keyring included, is caught by the workstation that saw more', async () => {
    let cut = 0;
    tamper((db) => {
      const older = db
        .prepare("SELECT seq, head_hash AS hash, at, signature FROM journal_heads WHERE role = 'session' ORDER BY seq LIMIT 1 OFFSET 2")
        .get() as Keyring['journalHead'];
      cut = older!.seq;
      db.prepare('DELETE FROM journal WHERE seq > ?').run(cut);
      db.prepare('DELETE FROM journal_heads WHERE seq > ?').run(cut);
      db.prepare('DELETE FROM journal_signatures WHERE last_seq > ?').run(cut);
      writeKeyringHead(older);
    });
    const { report, integrity, audits } = await auditorVerifies('here');
    expect(integrity).toMatchObject({ kind: 'behind-anchor', seq: cut + 1 });
    expect(report.problem).toEqual({ seq: cut + 1, kind: 'behind-anchor' });
    expect(audits).toBe(0);
  });

  it('a null head in the keyring once a head existed is damage, and stays null', async () => {
    writeKeyringHead(null);
    const { report, integrity } = await auditorVerifies('elsewhere');
    expect(integrity).toMatchObject({ kind: 'head-missing' });
    expect(report.problem).toEqual({ seq: 0, kind: 'head-missing' });
    expect(readKeyring(archive.folder).journalHead).toBeNull();
  });

  it('deleting the checkpoints is reported at the first lock that lost its checkpoint, and against the anchor', async () => {
    let firstLock = 0;
    tamper((db) => {
      firstLock = db.prepare("SELECT min(seq) FROM journal WHERE event = 'session.lock'").pluck().get() as number;
      db.prepare('DELETE FROM journal_heads').run();
    });
    const elsewhere = await auditorVerifies('elsewhere');
    expect(elsewhere.report.problem!.seq).toBeLessThanOrEqual(firstLock);
    expect(['checkpoint-missing', 'checkpoint-signature']).toContain(elsewhere.report.problem!.kind);
    const here = await auditorVerifies('here');
    expect(here.report.problem).toMatchObject({ kind: 'checkpoints-missing' });
  });

  it('an old copy of the whole archive folder put back is reported at unlock and by verify', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'triplicate-copy-'));
    otherWorkstations.push(copy);
    cpSync(archive.folder, copy, { recursive: true });
    const before = readKeyring(copy).journalHead!.seq;
    await adminSession();
    await staffSession();
    await adminSession();
    rmSync(archive.folder, { recursive: true, force: true });
    cpSync(copy, archive.folder, { recursive: true });
    const { report, integrity } = await auditorVerifies('here');
    expect(integrity).toMatchObject({ kind: 'behind-anchor', seq: before + 1 });
    expect(report.problem).toEqual({ seq: before + 1, kind: 'behind-anchor' });
    const session = await archive.unlock(AUDITOR.login, AUDITOR.password);
    const journaled = session.archive.db.prepare("SELECT count(*) FROM journal WHERE event = 'journal.integrity'").pluck().get() as number;
    await session.lock();
    expect(journaled).toBeGreaterThanOrEqual(1);
  });

  it("an old database put back, then another person's session, does not move the keyring's head back", async () => {
    const saved = readFileSync(join(archive.folder, 'archive.db'));
    await adminSession();
    await staffSession();
    await adminSession();
    const head = readKeyring(archive.folder).journalHead!;
    writeFileSync(join(archive.folder, 'archive.db'), saved);
    await adminSession();
    expect(readKeyring(archive.folder).journalHead).toEqual(head);
    const elsewhere = await auditorVerifies('elsewhere');
    expect(elsewhere.report.ok).toBe(false);
    expect(['truncated', 'checkpoint-mismatch']).toContain(elsewhere.report.problem!.kind);
    const here = await auditorVerifies('here');
    expect(here.report.problem).toMatchObject({ kind: 'behind-anchor' });
  });

  it('an intact journal is attributed entry by entry and co-signed by the auditor', async () => {
    const { report, audits } = await auditorVerifies('here');
    expect(report.ok).toBe(true);
    expect(report.signatures).toMatchObject({ signedFrom: 1, unsigned: 0, attributable: true });
    expect(report.coSigned).toEqual({ seq: report.headSeq });
    expect(audits).toBe(1);
    const again = await auditorVerifies('here');
    expect(again.report.ok).toBe(true);
    expect(again.report.signatures!.latestCheckpoints.some((c) => c.role === 'audit')).toBe(true);
  });
});
