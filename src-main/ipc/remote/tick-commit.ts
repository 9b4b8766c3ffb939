/**
 * Group commit of the archive server's reads: the requests that run in one turn of the event loop
 * share one transaction, committed once at the end of that turn (setImmediate), instead of one
 * commit per request. Every read writes a journal entry, and each commit wrote the journal's tail
 * pages and its index pages again (each page encrypted and authenticated); consecutive entries
 * share most of those pages, so one commit for the turn writes a fraction of them.
 *
 * Nothing changes in what a request does: its own transactions (`db.transaction`, the journal's)
 * become savepoints of the turn's transaction, so a failed request still rolls back only its own
 * change and still writes its failure entry. No answer leaves before the commit holding its entry
 * (`committed`), and then the WAL sync (group-sync.ts), so nothing reported as done can be lost.
 *
 * Only the server's short reads open a turn's transaction (connection.ts). Writes and the export
 * run as they always did: the open turn is committed before they start and no turn is opened while
 * one runs, since some of them checkpoint, begin their own transaction, or let worker connections
 * read what must already be committed. A verify is a short read but for two moments, which it
 * marks with `archive.settled` (core/journal/service.ts): its plan, which fixes the head its
 * workers walk to, and its co-signature with the anchor. Each commits the open turn first and runs
 * with none open; between them, while the workers walk, the other requests share commits again.
 */
import type { OpenArchive } from '../../core/vault/open-archive';

interface Turn {
  done: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class TickCommit {
  private turn: Turn | null = null;
  private exclusive = 0;
  /** Turns committed so far (tests, diagnostics). */
  committedTurns = 0;

  constructor(private readonly archive: OpenArchive) {
    // What must not share a turn's transaction (a verify's plan and co-signature) commits it first.
    archive.settled = (work) => {
      this.commit();
      this.exclusive++;
      try {
        return work();
      } finally {
        this.exclusive--;
      }
    };
  }

  /**
   * The caller's synchronous work (until its first real wait) runs in this turn's transaction.
   * Does nothing while a write or long read runs, or when a transaction is already open that is
   * not a turn's (its work then commits with it, as before).
   */
  join(): void {
    if (this.turn || this.exclusive > 0 || this.archive.closed || this.archive.damaged) return;
    const db = this.archive.db;
    if (db.inTransaction) return;
    db.exec('BEGIN');
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Someone must handle a failed turn even when no answer waits on it (they all timed out).
    done.catch(() => undefined);
    this.turn = { done, resolve, reject };
    setImmediate(() => this.commit());
  }

  /** Resolves once the work done so far is committed: at once unless a turn is open. */
  committed(): Promise<void> {
    return this.turn?.done ?? Promise.resolve();
  }

  /**
   * Runs `task` with no turn open: the open one is committed first, and none opens until `task`
   * ends (its awaits included).
   */
  async alone<T>(task: () => Promise<T>): Promise<T> {
    this.commit();
    this.exclusive++;
    try {
      return await task();
    } finally {
      this.exclusive--;
    }
  }

  /** Commits the open turn, if any (also before the server stops). */
  commit(): void {
    const turn = this.turn;
    if (!turn) return;
    this.turn = null;
    const archive = this.archive;
    try {
      // A statement error that rolls back the whole transaction (disk full) leaves none to commit:
      // the turn's work is gone, and its answers must say the outcome is unknown.
      if (archive.closed || !archive.db.inTransaction) throw new Error('the turn was rolled back');
      // The last run of entries is signed before it is committed, as every journal transaction does.
      archive.journal.seal();
      archive.db.exec('COMMIT');
      this.committedTurns++;
      turn.resolve();
    } catch (error) {
      try {
        if (!archive.closed && archive.db.inTransaction) archive.db.exec('ROLLBACK');
      } catch {
        // Nothing more can be done here; the answers say the outcome is unknown.
      }
      turn.reject(error);
    }
  }
}
