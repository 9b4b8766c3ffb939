/**
 * The keyring's journal head (issue 12): it never moves backwards, and a null head in an archive
 * that has signed checkpoints is damage, not a fresh start — writing a new head over it would erase
 * the evidence (an old database put back, then anyone's next session). Decided once at open.
 */
import type { Db } from '../db/connection';
import type { Keyring, SignedHead } from './keyring';

export interface KeyringHeadWatch {
  /** The keyring had no head although the database holds signed checkpoints. */
  readonly missingAtOpen: boolean;
  mayRecord(current: Keyring, head: SignedHead): boolean;
}

export function hasSignedHeads(db: Db): boolean {
  const heads = db.prepare('SELECT EXISTS (SELECT 1 FROM journal_heads) OR EXISTS (SELECT 1 FROM journal_checkpoints)').pluck().get();
  return heads === 1;
}

export function watchKeyringHead(db: Db, keyring: Keyring): KeyringHeadWatch {
  const missingAtOpen = keyring.journalHead === null && hasSignedHeads(db);
  const hashAt = db.prepare('SELECT hash FROM journal WHERE seq = ?').pluck();
  return {
    missingAtOpen,
    // Forward only, and only along the chain the keyring's head is on: a chain cut back and grown
    // again past the old head must not bury it.
    mayRecord: (current, head) => {
      if (missingAtOpen) return false;
      const previous = current.journalHead;
      if (!previous) return true;
      return head.seq > previous.seq && hashAt.get(previous.seq) === previous.hash;
    },
  };
}
