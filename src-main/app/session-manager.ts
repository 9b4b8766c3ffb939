/**
 * The one open session of the desktop app. Identity lives here, in main (rule 5): the renderer
 * only ever gets a view of the actor, and every request is carried out in this session's name.
 *
 * Locking closes the database, zeroes the key (Session.lock → OpenArchive.close) and tells the
 * renderer through `onLocked`, so it drops everything it shows. Create, unlock and lock are run one
 * at a time, so two quick clicks cannot leave two archives open.
 * Runs in main, without Electron.
 */
import type { EventPayloads } from '../contract/ipc';
import type { ActorView } from '../contract/people';
import type { Actor } from '../core/policy';
import { pagesOf } from '../core/policy/pages';
import { permissionsOf } from '../core/policy/permissions';
import type { Session } from '../core/session';
import { getSettings } from '../core/settings/service';
import { initArchive } from '../core/vault/init';
import type { ArchiveOptions } from '../core/vault/open-archive';
import { unlockArchive } from '../core/vault/unlock';
import { IdleLock, type IdleSource, type IdleTimers } from './idle-lock';

export type LockReason = EventPayloads['event:locked']['reason'];

export interface SessionManagerOptions {
  /** Back-off state and app preferences live here (Electron's userData), never in the archive. */
  stateDir: string;
  /** Clock, workstation or KDF target for tests; `stateDir` always comes from above. */
  archiveOptions?: Omit<ArchiveOptions, 'stateDir'>;
  idleSource: IdleSource;
  /** Test-only upper bound on the idle timeout, in seconds. */
  idleOverrideSeconds?: number | null;
  idlePollMs?: number;
  /** Tests poll the idle source on demand instead of waiting in real time. */
  idleTimers?: IdleTimers;
  onLocked: (reason: LockReason) => void;
}

export function actorView(actor: Actor): ActorView {
  return {
    id: actor.id,
    login: actor.login,
    name: actor.name,
    department: actor.department,
    rank: actor.rank,
    duties: [...actor.duties],
    may: permissionsOf(actor),
    pages: pagesOf(actor),
  };
}

export class SessionManager {
  private session: Session | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly idle: IdleLock;

  constructor(private readonly options: SessionManagerOptions) {
    this.idle = new IdleLock({
      source: options.idleSource,
      overrideSeconds: options.idleOverrideSeconds ?? null,
      ...(options.idlePollMs ? { pollMs: options.idlePollMs } : {}),
      ...(options.idleTimers ? { timers: options.idleTimers } : {}),
      onIdle: () => void this.lock('idle'),
    });
  }

  /** The open session, or null when nothing is unlocked. */
  get current(): Session | null {
    return this.session && !this.session.locked ? this.session : null;
  }

  get idleTimeoutSeconds(): number | null {
    return this.idle.running ? this.idle.effectiveSeconds : null;
  }

  private get archiveOptions(): ArchiveOptions {
    return { ...this.options.archiveOptions, stateDir: this.options.stateDir };
  }

  async create(input: { folder: string; adminLogin: string; adminName: string; password: string }): Promise<{ session: Session; recoveryKey: string }> {
    return this.serial(async () => {
      // Create first: a refusal (an archive already there, a weak password) leaves the open session alone.
      const created = await initArchive(
        { folder: input.folder, adminLogin: input.adminLogin, adminName: input.adminName, adminPassword: input.password },
        this.archiveOptions,
      );
      await this.closeCurrent('user');
      await this.adopt(created.session);
      return created;
    });
  }

  async unlock(input: { folder: string; login: string; password: string; newPassword?: string }): Promise<Session> {
    return this.serial(async () => {
      await this.closeCurrent('user');
      const session = await unlockArchive(input, this.archiveOptions);
      await this.adopt(session);
      return session;
    });
  }

  /** Locks whatever is open; true when something was. The renderer hears about it when it matters. */
  async lock(reason: LockReason): Promise<boolean> {
    return this.serial(async () => {
      const wasOpen = await this.closeCurrent(reason);
      // A sleep or screen lock with nothing open must not pull the person off the screen they are on.
      if (wasOpen || reason === 'user') this.options.onLocked(reason);
      return wasOpen;
    });
  }

  /** The administrator changed `idleLockMinutes`: apply it to the running timer at once. */
  applyIdleMinutes(minutes: number): void {
    if (this.idle.running) this.idle.setMinutes(minutes);
  }

  /** Test hook (e2e bridge): shortens the idle timeout; never reachable from the renderer. */
  overrideIdleSeconds(seconds: number | null): void {
    this.idle.setOverride(seconds);
  }

  private async adopt(session: Session): Promise<void> {
    this.session = session;
    try {
      // Read through `perform` like any other operation, so the journal shows the read.
      const settings = await getSettings(session);
      this.idle.start(settings.idleLockMinutes);
    } catch (error) {
      // Without a timeout there is no idle lock: refuse to stay open rather than run unguarded.
      await this.closeCurrent('user');
      throw error;
    }
  }

  private async closeCurrent(reason: LockReason): Promise<boolean> {
    this.idle.stop();
    const session = this.session;
    this.session = null;
    if (!session || session.locked) return false;
    await session.lock(reason);
    return true;
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
