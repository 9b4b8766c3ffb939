/**
 * A signed-in person working on an open archive. Every operation goes through `perform`:
 *
 *   refresh actor → load → policy (`can`) → body → one transaction holding the change and its journal entry
 *
 * and whatever happens — allowed, refused, failed — leaves exactly one journal entry, so no
 * operation can forget it. The only exception is a damaged database, which is never written to.
 */
import type { ErrorCode } from '../contract/errors';
import type { ResetNotice } from '../contract/people';
import { ArchiveError, isDamage, toArchiveError } from './errors';
import type { AppendInput } from './journal/journal';
import { can, type Action, type Actor, type PolicyTarget } from './policy';
import { findPersonById, toActor } from './people/repository';
import { isSuspended } from './records/suspension';
import type { OpenArchive } from './vault/open-archive';

export interface OperationSpec<L = undefined> {
  action: Action;
  /** Journal event name; the action's name unless given. */
  event?: string;
  object?: { type: string; id: string } | null;
  /**
   * What the decision depends on. A function is called after the actor is refreshed and before the
   * decision, so facts are read at that moment (a loan that just ended, a copy that just moved); a
   * failure there (bad input, unknown object) is journaled as an `error` entry like any other.
   */
  target?: PolicyTarget | ((loaded: L) => PolicyTarget);
  /**
   * Reads what the decision and the body need (the validated request, the record acted on), after
   * the actor is refreshed and before the decision; its result is handed to `target` and the body.
   * A failure here is journaled as an `error` entry, like one in `target`.
   */
  load?: () => L;
  /** Recorded whatever the outcome (e.g. what was asked for). */
  details?: Record<string, unknown>;
}

export interface OperationContext {
  /** Runs `change` in one transaction with the operation's `ok` entry. Call at most once. */
  commit<R>(change: () => R, details?: Record<string, unknown>): R;
  /** Names the object once it is known (e.g. the id of a person just created). */
  setObject(object: { type: string; id: string }): void;
  /** Adds details to the entry written when the body returns without `commit`. */
  addDetails(details: Record<string, unknown>): void;
  /**
   * A further entry the operation causes (e.g. the reads an offline log brings back), written in
   * the same transaction as the operation's own: only inside `commit`'s change, so it stands or
   * falls with it.
   */
  record(entry: AppendInput): void;
}

export class Session {
  private current: Actor;
  /** Set when this unlock used a one-time reset code: who reset the password, and when (told to the owner). */
  passwordReset: ResetNotice | null = null;

  constructor(
    readonly archive: OpenArchive,
    actor: Actor,
  ) {
    this.current = actor;
  }

  get actor(): Actor {
    return this.current;
  }

  get locked(): boolean {
    return this.archive.closed;
  }

  async perform<T, L = undefined>(spec: OperationSpec<L>, body: (ctx: OperationContext, loaded: L) => Promise<T> | T): Promise<T> {
    this.archive.assertOpen();
    // Read at each append: a rekey moves the archive to a new connection mid-operation.
    const journal = {
      append: (input: AppendInput) => this.archive.journal.append(input),
      transaction: <R>(change: () => R): R => this.archive.journal.transaction(change),
    };
    const event = spec.event ?? spec.action;
    let object = spec.object ?? null;
    let extra: Record<string, unknown> = {};
    let duty: string | null = null;
    const entry = (outcome: AppendInput['outcome'], reason: ErrorCode | null, details: Record<string, unknown> = {}): AppendInput => ({
      actor: { id: this.current.id, name: this.current.name, duty },
      event,
      object,
      outcome,
      reason,
      details: { ...spec.details, ...extra, ...details },
    });

    try {
      this.flushUnjournaled();
    } catch {
      // Still cannot write: this operation's own entry will say so, and the waiting ones stay.
    }
    try {
      this.refreshActor();
    } catch (error) {
      throw this.fail(error, () => null);
    }
    let target: PolicyTarget | undefined;
    let loaded: L;
    try {
      loaded = spec.load ? spec.load() : (undefined as L);
      target = typeof spec.target === 'function' ? spec.target(loaded) : spec.target;
    } catch (error) {
      throw this.fail(error, (failure) => entry('error', failure.code, { detail: failure.params.detail }));
    }
    const decision = can(this.current, spec.action, target);
    if (!decision.allowed) {
      journal.append(entry('denied', decision.reason));
      throw new ArchiveError(decision.reason);
    }
    duty = decision.duty;

    let commitCalled = false;
    let committed = false;
    let inChange = false;
    const ctx: OperationContext = {
      commit: (change, details) => {
        if (commitCalled) throw new Error('commit called twice');
        commitCalled = true;
        // journal.transaction: the entry is signed by this session's person before the commit.
        const result = journal.transaction(() => {
          inChange = true;
          try {
            const changed = change();
            journal.append(entry('ok', null, details));
            return changed;
          } finally {
            inChange = false;
          }
        });
        // Only a transaction that went through has its entry; a failed one (busy, disk full) gets an error entry.
        committed = true;
        return result;
      },
      setObject: (o) => {
        object = o;
      },
      addDetails: (d) => {
        extra = { ...extra, ...d };
      },
      record: (input) => {
        if (!inChange) throw new Error('record called outside commit');
        journal.append(input);
      },
    };

    try {
      const result = await body(ctx, loaded);
      if (!commitCalled) journal.append(entry('ok', null));
      return result;
    } catch (error) {
      throw this.fail(error, (failure) => (committed ? null : entry('error', failure.code, { detail: failure.params.detail })));
    }
  }

  /**
   * Maps any failure to an ArchiveError and journals it, unless the database itself is damaged.
   * An entry the journal cannot take now (disk full, busy, I/O error) waits in memory and is
   * written before the next operation's entry or at lock, with the time it failed.
   */
  private fail(error: unknown, record: (failure: ArchiveError) => AppendInput | null): ArchiveError {
    const failure = toArchiveError(error);
    if (isDamage(error) || failure.code === 'vault.damaged') {
      this.archive.markDamaged();
      return failure;
    }
    const input = record(failure);
    if (!input) return failure;
    try {
      this.flushUnjournaled();
      this.archive.journal.append(input);
    } catch (journalError) {
      // The original failure is what the person needs to see; its entry is kept for later.
      if (isDamage(journalError)) this.archive.markDamaged();
      else this.keepUnjournaled(input);
    }
    return failure;
  }

  private unjournaled: AppendInput[] = [];

  private keepUnjournaled(input: AppendInput): void {
    const failedAt = this.archive.clock.now().toISOString();
    // Bounded: a disk that stays full must not grow memory without end.
    if (this.unjournaled.length < 1000) this.unjournaled.push({ ...input, details: { ...input.details, failedAt } });
  }

  /** Writes the entries that could not be written when their operation failed, oldest first. */
  private flushUnjournaled(): void {
    while (this.unjournaled.length > 0) {
      this.archive.journal.append(this.unjournaled[0]!);
      this.unjournaled.shift();
    }
  }

  /** How many failures still wait for their journal entry (tests, status). */
  get unjournaledCount(): number {
    return this.unjournaled.length;
  }

  /** Duties or the account may have changed since unlock: decide on what is true now. */
  private refreshActor(): void {
    const person = findPersonById(this.archive.db, this.current.id);
    // A suspension (issue 16) applies at once: it is read here, before every decision.
    this.current = person ? { ...toActor(person), suspended: isSuspended(this.archive.db, person.id) } : { ...this.current, disabled: true };
  }

  /** Journals the lock, signs the head, closes the database and forgets the key. */
  async lock(reason: 'user' | 'idle' | 'suspend' | 'screen-lock' | 'quit' = 'user'): Promise<void> {
    if (this.archive.closed) return;
    if (!this.archive.damaged) {
      try {
        this.flushUnjournaled();
        this.archive.journal.append({
          actor: { id: this.current.id, name: this.current.name, duty: null },
          event: 'session.lock',
          outcome: 'ok',
          details: { reason },
        });
      } catch {
        // Locking must always succeed in forgetting the key, even when the disk refuses the entry.
      }
    }
    this.archive.close();
  }
}
