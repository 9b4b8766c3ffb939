/**
 * A bare encrypted archive database in a temp folder, its journal filled through the real Journal
 * in one transaction and signed by a fresh key: for the chain walks, without people or keyring.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../src-main/core/clock';
import { openDatabase, type Db } from '../../src-main/core/db/connection';
import type { WalkContext } from '../../src-main/core/journal/chain-walk';
import { migrate } from '../../src-main/core/db/migrate';
import { Journal } from '../../src-main/core/journal/journal';
import { makeSigner, newSigningKey, type Signer } from '../../src-main/core/journal/signer';

export interface JournalFile {
  root: string;
  path: string;
  key: Buffer;
  signer: Signer;
  /** The signer's private key, for a test that appends more entries later. */
  privateKeyDer: Buffer;
}

/** `entries` dossier.open entries (details `{ i }`), with the object `objectOf(i)` names if given. */
export function makeJournalFile(prefix: string, archiveId: string, entries: number, objectOf?: (i: number) => { type: string; id: string }): JournalFile {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const path = join(root, 'archive.db');
  const key = randomBytes(32);
  const db = openDatabase(path, key, { create: true });
  migrate(db);
  const signing = newSigningKey();
  db.prepare('INSERT INTO signing_key (id, public_key, private_key, fingerprint) VALUES (1, ?, ?, ?)').run(signing.publicKey, signing.privateKeyDer, 'f');
  const signer = makeSigner(signing.publicKey, signing.privateKeyDer);
  const journal = new Journal(db, archiveId, systemClock, 'test', signer);
  const actor = { id: null, name: '测试', duty: null };
  db.transaction(() => {
    for (let i = 0; i < entries; i++) journal.append({ actor, event: 'dossier.open', object: objectOf?.(i), outcome: 'ok', details: { i } });
  })();
  db.close();
  return { root, path, key, signer, privateKeyDer: signing.privateKeyDer };
}

/** A walker's context as verify.ts builds it for an unattributed journal: the signed checkpoints and the time blocks. */
export function walkContextOf(db: Db, archiveId: string): WalkContext {
  const signed = new Map(db.prepare('SELECT seq, head_hash FROM journal_checkpoints').raw(true).all() as [number, string][]);
  const blocks = new Map(
    (db.prepare('SELECT block, min_at, max_at FROM journal_time_blocks').raw(true).all() as [number, string, string][]).map(([b, min, max]) => [
      b,
      [min, max] as [string, string],
    ]),
  );
  return { archiveId, signed, blocks, eraStart: Infinity, runs: [], people: [] };
}
