/**
 * One signed-in person on one archive-server connection. The core's Session, with two differences:
 * ending it does not close the archive (other connections share it; only the server's stop does),
 * and a write carrying a workstation's request key records that key in the same transaction as the
 * change and its journal entry, so a retry after a lost answer or a killed server applies once.
 *
 * Every entry this session writes names the workstation as the client reported it and the address
 * the server saw (details.remote), since the journal's workstation column is the server's, and is
 * signed by this person's own key, attached at sign-in and detached at lock.
 */
import { ArchiveError } from '../../core/errors';
import type { Actor } from '../../core/policy';
import { Session, type OperationContext, type OperationSpec } from '../../core/session';
import type { OpenArchive } from '../../core/vault/open-archive';

export interface RemoteOrigin {
  /** Address and port the server saw. */
  address: string;
  /** The workstation's name for itself, as it reported it (not verified). */
  reported: string;
}

export interface PendingRequest {
  /** Stored key: `<actor id>:<workstation's key>`, so two people's keys never meet. */
  storedKey: string;
  channel: string;
}

export class RemoteSession extends Session {
  private ended = false;
  /** The keyed write being carried out now (a connection runs its calls one at a time). */
  request: PendingRequest | null = null;

  constructor(
    archive: OpenArchive,
    actor: Actor,
    readonly origin: RemoteOrigin,
  ) {
    super(archive, actor);
  }

  override get locked(): boolean {
    return this.ended || this.archive.closed;
  }

  override async perform<T, L = undefined>(spec: OperationSpec<L>, body: (ctx: OperationContext, loaded: L) => Promise<T> | T): Promise<T> {
    if (this.ended) throw new ArchiveError('vault.locked');
    const request = this.request;
    const remote = { address: this.origin.address, reported: this.origin.reported };
    return super.perform<T, L>({ ...spec, details: { ...spec.details, remote } }, (ctx, loaded) =>
      body(
        request
          ? {
              ...ctx,
              commit: (change, details) =>
                ctx.commit(() => {
                  const result = change();
                  markApplied(this.archive, request, this.actor.id);
                  return result;
                }, details),
            }
          : ctx,
        loaded,
      ),
    );
  }

  /** Ends this person's session: journaled, the archive stays open for everyone else. */
  override async lock(reason: 'user' | 'idle' | 'suspend' | 'screen-lock' | 'quit' = 'user'): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    if (this.archive.closed) return;
    try {
      if (this.archive.damaged) return;
      this.archive.journal.append({
        actor: { id: this.actor.id, name: this.actor.name, duty: null },
        event: 'session.lock',
        outcome: 'ok',
        details: { reason, remote: { address: this.origin.address, reported: this.origin.reported } },
      });
      // As a local lock does: this person signs the head at their lock entry (nothing runs in between).
      this.archive.journal.checkpoint(this.actor.id);
    } catch {
      // Ending a session must succeed even when the disk refuses the entry.
    } finally {
      this.archive.detachSigner(this.actor.id);
    }
  }
}

/** Inside the write's transaction: the key is there if and only if the change is. */
export function markApplied(archive: OpenArchive, request: PendingRequest, actorId: string): void {
  archive.db
    .prepare('INSERT OR IGNORE INTO remote_requests (request_key, actor_id, channel, applied_at) VALUES (?, ?, ?, ?)')
    .run(request.storedKey, actorId, request.channel, archive.clock.now().toISOString());
}

/** After the handler answered: keep the answer, so a retry gets the same one. */
export function recordAnswer(archive: OpenArchive, request: PendingRequest, actorId: string, value: unknown): void {
  archive.db
    .prepare(
      `INSERT INTO remote_requests (request_key, actor_id, channel, applied_at, result) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(request_key) DO UPDATE SET result = excluded.result`,
    )
    .run(request.storedKey, actorId, request.channel, archive.clock.now().toISOString(), JSON.stringify(value ?? null));
}

export interface PriorAnswer {
  channel: string;
  /** null when the server stopped between the write and storing its answer. */
  value: unknown;
  hasValue: boolean;
}

export function priorAnswer(archive: OpenArchive, storedKey: string): PriorAnswer | null {
  const row = archive.db.prepare('SELECT channel, result FROM remote_requests WHERE request_key = ?').get(storedKey) as
    { channel: string; result: string | null } | undefined;
  if (!row) return null;
  return { channel: row.channel, value: row.result === null ? null : JSON.parse(row.result), hasValue: row.result !== null };
}
