/**
 * Who wrote what (issue 12): before the chain walk, verify reads every signed run
 * (journal_signatures), every entry that records a public key or changes who is an administrator,
 * and every person-signed checkpoint, and decides — in chain order — which key each person held
 * when, whether each key record was made by someone entitled to make it, and whether each session's
 * signatures hold. The walk then only checks, entry by entry, that each entry names the person whose
 * run covers it (attribution-walk.ts). Problems are collected with their sequence numbers; verify.ts
 * reports the lowest.
 *
 * Trusted: only public keys recorded in the journal, starting from the founding administrator's in
 * the `archive.init` entry (the keyring names its fingerprint, which auditors compare out of band and
 * workstations remember), and the recovery key recorded beside it. Never the `person_keys` table.
 */
import type { Db } from '../db/connection';
import type { ChainProblem } from './chain-walk';
import { checkpointMessage } from './entry';
import { auditMessage, entriesMessage, KEY_EVENTS, nextDigest, recoveryMessage, sessionDigestStart } from './person-signatures';
import { keyFingerprint, verifySignature } from './signer';

export interface Problem {
  seq: number;
  kind: ChainProblem;
}

interface RunRow {
  last: number;
  first: number;
  person: string;
  session: string;
  digest: string;
  signature: string;
  /** The stored hash of the run's last entry (null when that entry is gone). */
  hash: string | null;
}

interface RecordRow {
  seq: number;
  actor_id: string | null;
  event: string;
  object_id: string | null;
  outcome: string;
  details: string;
  prev_hash: string;
}

export interface HeadRow {
  seq: number;
  hash: string;
  at: string;
  signer: string;
  role: 'session' | 'audit';
  signature: string;
}

/** Each person's keys with the sequence number from which each holds. */
export class KeyBook {
  private readonly keys = new Map<string, { from: number; key: Buffer }[]>();

  add(person: string, from: number, key: Buffer): void {
    const list = this.keys.get(person) ?? [];
    list.push({ from, key });
    this.keys.set(person, list);
  }

  has(person: string): boolean {
    return (this.keys.get(person)?.length ?? 0) > 0;
  }

  /** The key `person` held at `seq` (the newest recorded at or before it). */
  keyAt(person: string, seq: number): Buffer | null {
    const list = this.keys.get(person);
    if (!list) return null;
    let found: Buffer | null = null;
    for (const entry of list) if (entry.from <= seq) found = entry.key;
    return found;
  }

  all(): Buffer[] {
    return [...this.keys.values()].flatMap((list) => list.map((e) => e.key));
  }
}

export interface Attribution {
  /** The first entry of the signed era (1 for archives made after issue 12); Infinity for none. */
  eraStart: number;
  /** Signed runs, flat: first, last, index into `people`, ascending. */
  runs: number[];
  people: string[];
  book: KeyBook;
  /** Person-signed checkpoints whose signature holds. */
  heads: HeadRow[];
  /** seq of `session.lock` entries and of every 1000th signed entry, which must each have a checkpoint. */
  problems: Problem[];
  /** Persons who wrote signed runs (for "last checkpoint signed by someone else"). */
  writers: Set<string>;
  /** The founding administrator's key, as `archive.init` recorded it. */
  rootKey: Buffer | null;
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function recordedKey(details: Record<string, unknown>, field = 'signingKey'): { person: string; key: Buffer } | null {
  const record = details[field] as { person?: unknown; publicKey?: unknown; fingerprint?: unknown } | undefined;
  if (!record || typeof record.person !== 'string' || typeof record.publicKey !== 'string') return null;
  const key = Buffer.from(record.publicKey, 'base64');
  if (key.length !== 32) return null;
  if (record.fingerprint !== undefined && record.fingerprint !== keyFingerprint(key)) return null;
  return { person: record.person, key };
}

export function attribute(db: Db, archiveId: string, lastSeq: number, checkpointEvery: number): Attribution {
  const problems: Problem[] = [];
  const problem = (seq: number, kind: ChainProblem) => problems.push({ seq, kind });
  const book = new KeyBook();
  const admins = new Set<string>();
  /** Administrators' reset requests not yet approved, by reset id (people/resets.ts). */
  const resetRequests = new Map<string, { subject: string; requester: string }>();
  let recoveryKey: Buffer | null = null;
  let rootKey: Buffer | null = null;
  let eraStart = Infinity;

  const runRows = (
    db
      .prepare(
        `SELECT s.last_seq, s.first_seq, s.person_id, s.session_id, s.digest, s.signature, j.hash
         FROM journal_signatures s LEFT JOIN journal j ON j.seq = s.last_seq ORDER BY s.last_seq`,
      )
      .raw(true)
      .all() as [number, number, string, string, string, string, string | null][]
  ).map(([last, first, person, session, digest, signature, hash]): RunRow => ({ last, first, person, session, digest, signature, hash }));
  const records = db
    .prepare(
      `SELECT seq, actor_id, event, object_id, outcome, details, prev_hash FROM journal
       WHERE event IN (${KEY_EVENTS.map(() => '?').join(',')}) AND seq <= ? ORDER BY seq`,
    )
    .all(...KEY_EVENTS, lastSeq) as RecordRow[];

  const runs: number[] = [];
  const people: string[] = [];
  const personIndex = new Map<string, number>();
  const writers = new Set<string>();
  const sessions = new Map<string, { person: string; digest: string; rows: { run: RunRow; key: Buffer }[] }>();
  const runMessage = (run: RunRow) => entriesMessage(archiveId, run.person, run.session, run.first, run.last, run.hash ?? 'missing', run.digest);
  let ri = 0;
  let previousLast = 0;

  for (const run of runRows) {
    if (run.last > lastSeq) continue; // written after this verification began
    if (run.first <= previousLast || run.first < 1) {
      problem(run.first, 'entry-signature');
      continue;
    }
    previousLast = run.last;
    // Before anyone's key was recorded (an archive made before issue 12), the old archive key's
    // checkpoints vouch for the entries: who was made an administrator then still counts.
    while (ri < records.length && records[ri]!.seq < run.first) {
      const record = records[ri++]!;
      if (eraStart === Infinity && record.outcome === 'ok') applyLegacyDuties(admins, record);
    }
    const inRun: RecordRow[] = [];
    while (ri < records.length && records[ri]!.seq <= run.last) inRun.push(records[ri++]!);

    // Records by which the run's own person gets a key inside the run: the root, a first key, a recovery.
    let key = book.keyAt(run.person, run.first);
    for (const record of inRun) {
      if (record.outcome !== 'ok' || record.actor_id !== run.person) continue;
      const details = parseDetails(record.details);
      const recorded = recordedKey(details);
      if (!recorded || recorded.person !== run.person) continue;
      let entitled: boolean;
      if (record.event === 'archive.init') {
        entitled = record.seq === 1 && !book.has(run.person);
        if (entitled) {
          admins.add(run.person);
          rootKey = recorded.key;
          recoveryKey = recordedKey(details, 'recoveryKey')?.key ?? null;
        }
      } else if (record.event === 'person.key') {
        entitled = !book.has(run.person);
      } else if (record.event === 'vault.recover') {
        const proof = details.recoveryProof;
        entitled = recoveryKey
          ? typeof proof === 'string' &&
            verifySignature(recoveryKey, recoveryMessage(archiveId, run.person, recorded.key.toString('base64'), record.prev_hash), proof)
          : true; // archives made before issue 12 have no recovery key to vouch
      } else continue;
      if (!entitled) {
        problem(record.seq, 'key-record');
        continue;
      }
      book.add(run.person, record.seq, recorded.key);
      if (record.seq <= run.first) key = recorded.key;
      else if (!key) key = recorded.key;
      eraStart = Math.min(eraStart, record.seq);
    }
    let index = personIndex.get(run.person);
    if (index === undefined) {
      index = people.length;
      people.push(run.person);
      personIndex.set(run.person, index);
    }
    // Covered (so not also "unsigned"), but by nobody the journal knows.
    runs.push(run.first, run.last, index);
    if (!key) {
      problem(run.first, 'unknown-key');
      continue;
    }
    // Records about other people: only an administrator's signed entry may make them.
    for (const record of inRun) {
      if (record.outcome !== 'ok' || record.actor_id !== run.person) continue;
      if (!['person.add', 'person.resetPassword', 'person.setDuties', 'person.resetRequest', 'person.resetApprove'].includes(record.event)) continue;
      const details = parseDetails(record.details);
      const recorded = recordedKey(details);
      if (record.event === 'person.resetRequest') {
        // Only an administrator's request lets a second person give the owner a new key.
        if (recorded) problem(record.seq, 'key-record');
        else if (admins.has(run.person) && record.object_id && typeof details.resetId === 'string') {
          resetRequests.set(details.resetId, { subject: record.object_id, requester: run.person });
        }
        continue;
      }
      if (record.event === 'person.resetApprove') {
        if (!recorded) continue;
        const request = typeof details.resetId === 'string' ? resetRequests.get(details.resetId) : undefined;
        // Two people besides the owner, the owner no administrator, each request used once.
        const entitled =
          request !== undefined &&
          request.subject === record.object_id &&
          recorded.person === request.subject &&
          run.person !== request.requester &&
          run.person !== request.subject &&
          !admins.has(request.subject);
        if (!entitled) problem(record.seq, 'key-record');
        else {
          resetRequests.delete(details.resetId as string);
          book.add(recorded.person, record.seq, recorded.key);
        }
        continue;
      }
      if (!admins.has(run.person)) {
        if (recorded || record.event === 'person.setDuties') problem(record.seq, 'key-record');
        continue;
      }
      if (recorded && record.object_id === recorded.person) book.add(recorded.person, record.seq, recorded.key);
      const subject = record.object_id;
      if (!subject) continue;
      const duties = record.event === 'person.add' ? details.duties : record.event === 'person.setDuties' ? details.after : undefined;
      if (Array.isArray(duties)) {
        if (duties.includes('admin')) admins.add(subject);
        else if (record.event === 'person.setDuties') admins.delete(subject);
      }
    }
    if (inRun.length > 0 && !verifySignature(key, runMessage(run), run.signature)) problem(run.first, 'entry-signature');

    let session = sessions.get(run.session);
    if (!session) {
      session = { person: run.person, digest: sessionDigestStart(archiveId, run.person, run.session), rows: [] };
      sessions.set(run.session, session);
    }
    session.digest = nextDigest(session.digest, run.first, run.last);
    if (session.person !== run.person || session.digest !== run.digest) {
      problem(run.first, 'entry-signature');
      session.digest = run.digest;
    }
    session.rows.push({ run, key });
    writers.add(run.person);
  }

  // One signature per session proves all its runs (the digest); walk back only when it fails.
  for (const session of sessions.values()) {
    const last = session.rows[session.rows.length - 1]!;
    if (verifySignature(last.key, runMessage(last.run), last.run.signature)) continue;
    const bad = session.rows.find((row) => !verifySignature(row.key, runMessage(row.run), row.run.signature)) ?? last;
    problem(bad.run.first, 'entry-signature');
  }

  // People's checkpoints: each by the key its signer held then.
  const heads: HeadRow[] = [];
  const headRows = db.prepare('SELECT seq, head_hash AS hash, at, signer_id AS signer, role, signature FROM journal_heads ORDER BY seq, id').all() as HeadRow[];
  for (const head of headRows) {
    const key = book.keyAt(head.signer, head.seq);
    const message = head.role === 'audit' ? auditMessage(archiveId, head.seq, head.hash, head.at) : checkpointMessage(archiveId, head.seq, head.hash, head.at);
    if (!key || !verifySignature(key, message, head.signature)) problem(head.seq, 'checkpoint-signature');
    else heads.push(head);
  }

  // Checkpoints that must exist: at every lock and every 1000th entry of a signed run.
  const sessionHeads = new Set(heads.filter((h) => h.role === 'session').map((h) => h.seq));
  if (eraStart !== Infinity) {
    const locks = db
      .prepare("SELECT seq FROM journal WHERE event = 'session.lock' AND actor_id IS NOT NULL AND seq >= ? AND seq <= ?")
      .pluck()
      .all(eraStart, lastSeq) as number[];
    for (const seq of locks) if (!sessionHeads.has(seq)) problem(seq, 'checkpoint-missing');
    for (let i = 0; i < runs.length; i += 3) {
      for (let seq = Math.ceil(runs[i]! / checkpointEvery) * checkpointEvery; seq <= runs[i + 1]!; seq += checkpointEvery) {
        if (!sessionHeads.has(seq)) problem(seq, 'checkpoint-missing');
      }
    }
  }
  return { eraStart, runs, people, book, heads, problems, writers, rootKey };
}

function applyLegacyDuties(admins: Set<string>, record: RecordRow): void {
  const details = parseDetails(record.details);
  if (record.event === 'archive.init' && record.actor_id) admins.add(record.actor_id);
  const subject = record.object_id;
  if (!subject) return;
  const duties = record.event === 'person.add' ? details.duties : record.event === 'person.setDuties' ? details.after : undefined;
  if (!Array.isArray(duties)) return;
  if (duties.includes('admin')) admins.add(subject);
  else if (record.event === 'person.setDuties') admins.delete(subject);
}

/** Entries that may stand unsigned although they name someone: what is written with no session. */
export function mayBeUnsigned(event: string, outcome: string): boolean {
  return outcome !== 'ok' && (event === 'session.unlock' || event === 'vault.recover');
}
