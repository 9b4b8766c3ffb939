/**
 * Workstation anchors (issue 12): for each archive, the highest signed journal head this workstation
 * has seen, kept in its state folder (never the archive folder, which anyone who can copy the
 * archive can put back). Unlock and verify compare the archive with it: an old copy of the folder,
 * of only its database or only its keyring, or a cut-off tail shows as an archive behind its anchor.
 * Raised at every lock and after every verify; never lowered, and never moved onto a chain that
 * disagrees with it (that archive stays reported until someone looks).
 */
import { z } from 'zod';
import type { Db } from '../db/connection';
import { StateFile } from './state-file';
import type { Keyring, SignedHead } from './keyring';

const anchorSchema = z.object({
  seq: z.number().int().min(0),
  hash: z.string(),
  /** How many signed checkpoints the archive held then, and the newest of their positions. */
  heads: z.number().int().min(0),
  headSeqs: z.array(z.number().int()).max(256),
  /** The keyring's root key fingerprint (the founding administrator's, or an old archive's key). */
  root: z.string().nullable(),
  at: z.string(),
});
export type Anchor = z.infer<typeof anchorSchema>;
const stateSchema = z.record(z.string(), anchorSchema);

/** Positions of signed checkpoints remembered, newest last. */
const MAX_SEQS = 256;

export type AnchorProblemKind = 'behind-anchor' | 'checkpoints-missing' | 'root-key';

export interface AnchorProblem {
  kind: AnchorProblemKind;
  /** Where the archive parts from what this workstation saw. */
  seq: number;
  seen: { seq: number; heads: number };
  found: { seq: number; heads: number; keyringSeq: number | null };
}

/** The signed checkpoints an archive holds: people's and (old archives) the archive key's. */
function headSeqs(db: Db): number[] {
  return db
    .prepare("SELECT DISTINCT seq FROM (SELECT seq FROM journal_heads WHERE role = 'session' UNION SELECT seq FROM journal_checkpoints) ORDER BY seq")
    .pluck()
    .all() as number[];
}

export class Anchors {
  private readonly file: StateFile<Anchor>;

  constructor(stateDir: string) {
    this.file = new StateFile(stateDir, 'journal-anchors.json', stateSchema);
  }

  private read(): z.infer<typeof stateSchema> {
    return this.file.read();
  }

  get(archiveId: string): Anchor | null {
    return this.read()[archiveId] ?? null;
  }

  /** Compares the open archive with this workstation's anchor; null when it is at or past it. */
  check(archiveId: string, db: Db, keyring: Keyring): AnchorProblem | null {
    const anchor = this.get(archiveId);
    if (!anchor) return null;
    const head = (db.prepare('SELECT max(seq) FROM journal').pluck().get() as number | null) ?? 0;
    const seqs = headSeqs(db);
    const found = { seq: head, heads: seqs.length, keyringSeq: keyring.journalHead?.seq ?? null };
    const seen = { seq: anchor.seq, heads: anchor.heads };
    const problem = (kind: AnchorProblemKind, seq: number): AnchorProblem => ({ kind, seq, seen, found });
    if (anchor.root !== null && keyring.signingKey.fingerprint !== anchor.root) return problem('root-key', 1);
    if (head < anchor.seq) return problem('behind-anchor', head + 1);
    const hashThere = db.prepare('SELECT hash FROM journal WHERE seq = ?').pluck().get(anchor.seq) as string | undefined;
    if (anchor.seq > 0 && hashThere !== anchor.hash) return problem('behind-anchor', anchor.seq);
    if ((keyring.journalHead?.seq ?? 0) < anchor.seq) return problem('behind-anchor', (keyring.journalHead?.seq ?? 0) + 1);
    const present = new Set(seqs);
    const gone = anchor.headSeqs.find((seq) => !present.has(seq));
    if (gone !== undefined) return problem('checkpoints-missing', gone);
    if (seqs.length < anchor.heads) return problem('checkpoints-missing', anchor.seq);
    return null;
  }

  /** Moves the anchor up to `head` (signed, in `db`), unless the archive disagrees with the anchor. */
  raise(archiveId: string, db: Db, head: SignedHead, root: string | null = null): void {
    try {
      const state = this.read();
      const anchor = state[archiveId];
      if (anchor) {
        if (head.seq <= anchor.seq) return;
        const hashThere = db.prepare('SELECT hash FROM journal WHERE seq = ?').pluck().get(anchor.seq) as string | undefined;
        if (anchor.seq > 0 && hashThere !== anchor.hash) return;
      }
      const seqs = headSeqs(db);
      state[archiveId] = {
        seq: head.seq,
        hash: head.hash,
        heads: Math.max(seqs.length, anchor?.heads ?? 0),
        headSeqs: seqs.slice(-MAX_SEQS),
        root: anchor?.root ?? root,
        at: new Date().toISOString(),
      };
      this.file.write(state);
    } catch {
      // An unwritable state folder must not keep an archive from locking; the anchor stays where it was.
    }
  }
}
