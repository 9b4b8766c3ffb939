/**
 * The archive signs only rows it can vouch for: each exported row must hash to its `hash` and be
 * linked to its stored neighbours (`prev_hash` of the next entry, `hash` of the previous one).
 * Consecutive exported rows check each other for free; at the edge of each run of a filtered
 * export one primary-key lookup per side does it. A row rewritten inside the database therefore
 * fails the export with `journal.broken` instead of being signed.
 *
 * `check` takes one row and throws at the first problem. The fast path (pages.ts) proves a whole
 * page with `linksAfter`, which never throws, and `accept`s it only when every row
 * passed; otherwise the page goes through `check`, which names the entry exactly as before.
 */
import type { Db } from '../../db/connection';
import { ArchiveError } from '../../errors';
import { chainTextHash, genesisHash, rowHash, type EntryRow } from '../entry';

export class LinkCheck {
  private readonly hashOf;
  private readonly prevOf;
  /** The last row accepted (null: none yet) and its hash. */
  lastSeq: number | null = null;
  lastHash = '';

  constructor(
    db: Db,
    private readonly archiveId: string,
    private readonly maxSeq: number,
  ) {
    this.hashOf = db.prepare('SELECT hash FROM journal WHERE seq = ?').pluck();
    this.prevOf = db.prepare('SELECT prev_hash FROM journal WHERE seq = ?').pluck();
  }

  /** A row as selected with ENTRY_COLUMNS and CHAIN_TEXT_SQL after them. */
  check(row: EntryRow): void {
    const seq = row[0];
    // SQLite's text saves building the array here; a digest that differs is settled by rowHash.
    const text = (row as unknown as string[])[15];
    if ((text === undefined || chainTextHash(text) !== row[14]) && rowHash(row) !== row[14]) this.broken(seq, 'hash');
    if (this.lastSeq !== null && this.lastSeq === seq - 1) {
      if (row[13] !== this.lastHash) this.broken(seq, 'link');
    } else {
      if (this.lastSeq !== null && !this.successorOk(this.lastSeq, this.lastHash)) this.broken(this.lastSeq + 1, 'link');
      if (row[13] !== this.storedBefore(seq)) this.broken(seq, 'link');
    }
    this.accept(seq, row[14]!);
  }

  /**
   * Whether row `seq`, holding `prevHash`, may follow the row (`afterSeq`, `afterHash`) in this
   * export (afterSeq null: it is the first): `check`'s link rules, without throwing.
   */
  linksAfter(seq: number, prevHash: string, afterSeq: number | null, afterHash: string): boolean {
    if (afterSeq !== null && afterSeq === seq - 1) return prevHash === afterHash;
    if (afterSeq !== null && !this.successorOk(afterSeq, afterHash)) return false;
    return prevHash === this.storedBefore(seq);
  }

  /** Whether the stored entry after `seq` (if any, up to the head) links to `hash`. */
  successorOk(seq: number, hash: string): boolean {
    return seq >= this.maxSeq || this.prevOf.get(seq + 1) === hash;
  }

  accept(seq: number, hash: string): void {
    this.lastSeq = seq;
    this.lastHash = hash;
  }

  finish(): void {
    if (this.lastSeq !== null && !this.successorOk(this.lastSeq, this.lastHash)) this.broken(this.lastSeq + 1, 'link');
  }

  private storedBefore(seq: number): string | undefined {
    return seq === 1 ? genesisHash(this.archiveId) : (this.hashOf.get(seq - 1) as string | undefined);
  }

  private broken(seq: number, detail: string): never {
    throw new ArchiveError('journal.broken', { seq, detail });
  }
}
