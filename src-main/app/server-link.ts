/**
 * The desktop app as a workstation of an archive server (issue 14, point 4). Main holds at most one
 * connection and one signed-in person; the renderer's requests are relayed through it
 * (ipc/workstation-router.ts) and the server's core decides and journals. No key, slot or database
 * is ever here: only the TLS connection, the actor's view and the writes still in flight.
 *
 * Every write carries an idempotency key made here. When the connection drops before the answer,
 * the write is kept (in memory, never on disk) with its key; the next sign-in of the same person on
 * the same server sends it again first, and the server applies it at most once. So an operation
 * that was under way is done exactly once or not at all, whatever the renderer does meanwhile.
 *
 * Locks work as with a local archive: the archive's idle timeout measured on this workstation, sleep,
 * screen lock and Ctrl/Cmd+L sign out and close the connection; the server ending the session (its
 * own idle check, its stop) or the network dropping ends it here too, and the renderer is told.
 * Runs in main, without Electron.
 */
import { hostname } from 'node:os';
import type { ErrorCode, ErrorParams } from '../contract/errors';
import type { EventChannel, EventPayloads, Result } from '../contract/ipc';
import type { RecentServer, ServerLostReason, ServerSignedIn } from '../contract/ipc-server';
import { formatError } from '../contract/messages';
import type { ActorView } from '../contract/people';
import type { ArchiveSettings } from '../contract/settings';
import { newRequestKey, parseAddress, RemoteClient, RemoteFailure } from '../ipc/remote/client';
import { normaliseFingerprint, READ_CHANNELS, type Push } from '../ipc/remote/protocol';
import type { AppState } from './app-state';
import type { WorkstationHost } from '../ipc/handlers/context';
import { IdleLock, type IdleSource } from './idle-lock';

export type LockReason = EventPayloads['event:locked']['reason'];

export interface ServerLinkOptions {
  /** Remembers the servers signed in to and their pinned fingerprints (the workstation's state folder). */
  state: Pick<AppState, 'locale' | 'recentServers' | 'rememberServer' | 'forgetServer'>;
  /** Events for the renderer: `event:locked` (session ended), `event:serverLost` (connection gone). */
  emit: <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void;
  idleSource: IdleSource;
  idleOverrideSeconds?: number | null;
  idlePollMs?: number;
  /** The workstation's name for itself, journaled by the server as reported. */
  workstation?: string;
  connectTimeoutMs?: number;
  callTimeoutMs?: number;
}

interface UnsettledWrite {
  channel: string;
  payload: unknown;
  key: string;
}

interface Signed {
  client: RemoteClient;
  address: string;
  actor: ActorView;
}

export class ServerLink implements WorkstationHost {
  private signed: Signed | null = null;
  private readonly idle: IdleLock;
  /** Writes whose outcome the lost connection did not tell, per `address|login`. */
  private readonly unsettled = new Map<string, UnsettledWrite[]>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ServerLinkOptions) {
    this.idle = new IdleLock({
      source: options.idleSource,
      overrideSeconds: options.idleOverrideSeconds ?? null,
      ...(options.idlePollMs ? { pollMs: options.idlePollMs } : {}),
      onIdle: () => void this.signOut('idle'),
    });
  }

  /** The signed-in person on the server, or null. */
  get actor(): ActorView | null {
    return this.signed && !this.signed.client.closed ? this.signed.actor : null;
  }

  get address(): string | null {
    return this.signed?.address ?? null;
  }

  get recentServers(): RecentServer[] {
    return this.options.state.recentServers;
  }

  forgetServer(address: string): RecentServer[] {
    return this.options.state.forgetServer(address);
  }

  /** Writes waiting for the next sign-in (tests and diagnostics). */
  unsettledCount(address: string, login: string): number {
    return this.unsettled.get(unsettledKey(address, login))?.length ?? 0;
  }

  private failure(code: ErrorCode, params: ErrorParams = {}): Result<never> {
    return { ok: false, error: { code, params, message: formatError({ code, params }, this.options.state.locale) } };
  }

  /** Connects (pinned fingerprint only), signs in, then finishes what an earlier connection left unknown. */
  signIn(input: { address: string; fingerprint: string; login: string; password: string }): Promise<Result<ServerSignedIn>> {
    return this.serial(async () => {
      await this.drop('user', true);
      let address: { host: string; port: number };
      try {
        address = parseAddress(input.address);
      } catch {
        return this.failure('input.invalid', { detail: 'HOST:PORT' });
      }
      const label = `${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
      let client: RemoteClient;
      try {
        client = await RemoteClient.connect({
          ...address,
          fingerprint: input.fingerprint ? normaliseFingerprint(input.fingerprint) : null,
          locale: this.options.state.locale,
          connectTimeoutMs: this.options.connectTimeoutMs ?? 10_000,
          callTimeoutMs: this.options.callTimeoutMs ?? 130_000,
        });
      } catch (error) {
        if (error instanceof RemoteFailure) return { ok: false, error: error.info };
        return this.failure('remote.unreachable', { address: label, detail: (error as Error)?.message ?? 'error' });
      }
      const answer = await client.signIn(input.login, input.password, this.options.workstation ?? hostname());
      if (!answer.ok) {
        await client.close();
        return answer;
      }
      const actor = answer.value;
      this.signed = { client, address: label, actor };
      client.onEvent((push) => this.onPush(client, push));
      client.onClosed(() => this.onClosed(client));
      const settled = await this.settle(client, label, actor.login);
      // The archive's idle timeout, measured on this workstation as for a local archive.
      const settings = await client.call<ArchiveSettings>('settings:get', {});
      if (!settings.ok) {
        await this.drop('user', true);
        return settings;
      }
      this.idle.start(settings.value.idleLockMinutes);
      // Remembered only once the pinned certificate was accepted and a person signed in.
      this.options.state.rememberServer(label, normaliseFingerprint(input.fingerprint), new Date());
      return { ok: true, value: { ...actor, address: label, settled } };
    });
  }

  /** Sends again, with their keys, the writes the last connection left unknown; the server applies each once. */
  private async settle(client: RemoteClient, address: string, login: string): Promise<number> {
    const key = unsettledKey(address, login);
    const waiting = this.unsettled.get(key) ?? [];
    this.unsettled.delete(key);
    let settled = 0;
    for (const write of waiting) {
      const result = await client.call(write.channel, write.payload, { key: write.key });
      if (!result.ok && isUnknown(result.error.code)) this.keep(address, login, write);
      else settled += 1;
    }
    return settled;
  }

  private keep(address: string, login: string, write: UnsettledWrite): void {
    const key = unsettledKey(address, login);
    this.unsettled.set(key, [...(this.unsettled.get(key) ?? []), write]);
  }

  /** One contract channel, relayed; a write gets a key and is kept if its outcome is lost. */
  async call(channel: string, payload: unknown, options: { saveAs?: string } = {}): Promise<Result<unknown>> {
    const signed = this.signed;
    if (!signed || signed.client.closed) return this.failure('vault.locked');
    const write = READ_CHANNELS.has(channel) ? null : { channel, payload, key: newRequestKey() };
    const result = await signed.client.call(channel, payload, { ...(write ? { key: write.key } : {}), ...options });
    if (write && !result.ok && isUnknown(result.error.code)) this.keep(signed.address, signed.actor.login, write);
    return result;
  }

  /** A file the server wrote for this person (an export), fetched over the connection. */
  async download(file: string): Promise<Result<Buffer>> {
    const signed = this.signed;
    if (!signed || signed.client.closed) return this.failure('vault.locked');
    return signed.client.download(file);
  }

  /** Ctrl/Cmd+L, sleep, screen lock, idle, quit: the server ends the session (journaled), we hang up. */
  signOut(reason: LockReason): Promise<boolean> {
    return this.serial(() => this.drop(reason, false));
  }

  /** The archive's idle timeout changed (settings:update relayed): apply it to the running timer. */
  applyIdleMinutes(minutes: number): void {
    if (this.idle.running) this.idle.setMinutes(minutes);
  }

  private async drop(reason: LockReason, quiet: boolean): Promise<boolean> {
    this.idle.stop();
    const signed = this.signed;
    this.signed = null;
    if (!signed) return false;
    if (!signed.client.closed) {
      await signed.client.signOut(reason);
      await signed.client.close();
    }
    if (!quiet) this.options.emit('event:locked', { reason });
    return true;
  }

  private onPush(client: RemoteClient, push: Push): void {
    if (this.signed?.client !== client) return;
    if (push.event === 'event:locked') {
      // The server ended the session (its idle check): same as a local idle lock.
      const reason = (push.payload as { reason?: LockReason })?.reason ?? 'idle';
      void this.signOut(reason);
    } else if (push.event === 'event:closing') {
      this.lost(client, 'stopped');
    } else if (push.event === 'event:exportProgress' || push.event === 'event:rekeyProgress' || push.event === 'event:backupProgress') {
      this.options.emit(push.event, push.payload as never);
    }
  }

  private onClosed(client: RemoteClient): void {
    this.lost(client, 'disconnected');
  }

  /** The connection went away without our asking: nothing of the archive stays on screen. */
  private lost(client: RemoteClient, reason: ServerLostReason): void {
    if (this.signed?.client !== client) return;
    this.idle.stop();
    this.signed = null;
    void client.close();
    this.options.emit('event:serverLost', { reason });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function unsettledKey(address: string, login: string): string {
  return `${address}|${login.trim().toLowerCase()}`;
}

function isUnknown(code: ErrorCode): boolean {
  return code === 'remote.outcomeUnknown' || code === 'remote.timeout';
}
