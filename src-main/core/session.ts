/**
 * A signed-in person working on an open archive. Every operation goes through `perform`:
 *
 *   refresh actor → policy (`can`) → body → one transaction holding the change and its journal entry
 *
 * and whatever happens — allowed, refused, failed — leaves exactly one journal entry, so no
 * operation can forget it. The only exception is a damaged database, which is never written to.
 */
import type { ErrorCode } from '../contract/errors';
import { ArchiveError, isDamage, toArchiveError } from './errors';
import type { AppendInput } from './journal/journal';
import { can, type Action, type Actor, type PolicyTarget } from './policy';
import { findPersonById, toActor } from './people/repository';
import type { OpenArchive } from './vault/open-archive';

export interface OperationSpec {
  action: Action;
  /** Journal event name; the action's name unless given. */
  event?: string;
  object?: { type: string; id: string } | null;
  /**
   * What the decision depends on. A function is called after the actor is refreshed and before the
   * decision, so facts are read at that moment (a loan that just ended, a copy that just moved); a
   * failure there (bad input, unknown object) is journaled as an `error` entry like any other.
   */
  target?: PolicyTarget | (() => PolicyTarget);
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
}

export class Session {
  private current: Actor;

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

  async perform<T>(spec: OperationSpec, body: (ctx: OperationContext) => Promise<T> | T): Promise<T> {
    this.archive.assertOpen();
    const journal = this.archive.journal;
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
      this.refreshActor();
    } catch (error) {
      throw this.fail(error, () => {});
    }
    let target: PolicyTarget | undefined;
    try {
      target = typeof spec.target === 'function' ? spec.target() : spec.target;
    } catch (error) {
      throw this.fail(error, (failure) => journal.append(entry('error', failure.code, { detail: failure.params.detail })));
    }
    const decision = can(this.current, spec.action, target);
    if (!decision.allowed) {
      journal.append(entry('denied', decision.reason));
      throw new ArchiveError(decision.reason);
    }
    duty = decision.duty;

    let committed = false;
    const ctx: OperationContext = {
      commit: (change, details) => {
        if (committed) throw new Error('commit called twice');
        committed = true;
        // journal.transaction: the entry is signed by this session's person before the commit.
        return journal.transaction(() => {
          const result = change();
          journal.append(entry('ok', null, details));
          return result;
        });
      },
      setObject: (o) => {
        object = o;
      },
      addDetails: (d) => {
        extra = { ...extra, ...d };
      },
    };

    try {
      const result = await body(ctx);
      if (!committed) journal.append(entry('ok', null));
      return result;
    } catch (error) {
      throw this.fail(error, (failure) => {
        if (!committed) journal.append(entry('error', failure.code, { detail: failure.params.detail }));
      });
    }
  }

  /** Maps any failure to an ArchiveError and journals it, unless the database itself is damaged. */
  private fail(error: unknown, record: (failure: ArchiveError) => void): ArchiveError {
    const failure = toArchiveError(error);
    if (isDamage(error) || failure.code === 'vault.damaged') {
      this.archive.markDamaged();
      return failure;
    }
    try {
      record(failure);
    } catch (journalError) {
      // The disk may be full or the file gone: the original failure is what the person needs to see.
      if (isDamage(journalError)) this.archive.markDamaged();
    }
    return failure;
  }

  /** Duties or the account may have changed since unlock: decide on what is true now. */
  private refreshActor(): void {
    const person = findPersonById(this.archive.db, this.current.id);
    this.current = person ? toActor(person) : { ...this.current, disabled: true };
  }

  /** Journals the lock, signs the head, closes the database and forgets the key. */
  async lock(reason: 'user' | 'idle' | 'suspend' | 'screen-lock' | 'quit' = 'user'): Promise<void> {
    if (this.archive.closed) return;
    if (!this.archive.damaged) {
      try {
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
