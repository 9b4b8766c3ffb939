/**
 * One workstation's connection to the archive server. It owns the connection's session (at most
 * one signed-in person) and its own router: the same router, handlers, policy and core as the app,
 * with this connection standing where the app's SessionManager stands. Identity comes only from
 * the session made at sign-in; a payload naming another person fails the contract's strict schemas
 * like any request from the app.
 *
 * A connection's requests run one at a time, in order. Writes of all connections are serialised
 * through the server's one database connection; reads are not held up behind them.
 */
import { mkdtempSync, openSync, readSync, closeSync, fstatSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { WebSocket } from 'ws';
import type { ErrorCode, ErrorParams } from '../../contract/errors';
import type { EventChannel, EventPayloads } from '../../contract/ipc';
import { formatError, type Locale } from '../../contract/messages';
import { actorView } from '../../app/session-manager';
import { ArchiveError, toArchiveError } from '../../core/errors';
import type { OpenArchive } from '../../core/vault/open-archive';
import type { Throttle } from '../../core/vault/throttle';
import type { SessionHolder, PreferenceState } from '../handlers/context';
import { createRouter, type Router } from '../router';
import type { SenderInfo } from '../sender';
import { type ServerLimits, TokenBucket, type KeyedBuckets } from './limits';
import type { Serial } from './mutex';
import type { PasswordHasher } from './password-check';
import { clientMessageSchema, DOWNLOAD_CHUNK_BYTES, LOCAL_ONLY_CHANNELS, READ_CHANNELS, type Answer, type DownloadChunk } from './protocol';
import { priorAnswer, recordAnswer, type RemoteSession } from './remote-session';
import { signIn } from './sign-in';
import type { TickCommit } from './tick-commit';

export interface ServerContext {
  archive: OpenArchive;
  throttle: Throttle;
  limits: ServerLimits;
  version: string;
  signInBuckets: KeyedBuckets;
  writes: Serial;
  /** Sign-ins' password checks: the low-priority process, a few at a time (server.ts). */
  kdf: PasswordHasher;
  /** Per-connection folders for files the server writes for a workstation (exports). */
  tempRoot: string;
  log: (line: string) => void;
  /** Resolves when every commit so far is on disk; no answer is sent before (group-sync.ts). */
  durable: () => Promise<void>;
  /** Told after every write, so other workstations hear of new notifications by push. */
  afterWrite: () => void;
  /** The reads of one event-loop turn share one commit (tick-commit.ts). */
  ticks: TickCommit;
}

const ORIGIN = 'remote://server';
/** Local-only channels whose refusal says what to do instead. */
const LOCAL_ONLY_REASONS: Readonly<Partial<Record<string, ErrorCode>>> = {
  // The package is a file on the workstation; the server takes no files from workstations.
  'offline:return': 'remote.packageReturnLocal',
};
const SENDER: SenderInfo = { url: `${ORIGIN}/`, isMainFrame: true, ownWindow: true };
/**
 * Reads that run alone, outside the shared turn commits: the export lets worker connections read
 * the journal, which must see every entry this connection has written. A verify shares turns but
 * for its plan and its co-signature, which it runs on committed ground (`archive.settled`,
 * tick-commit.ts), so the other requests keep sharing commits while its workers walk.
 */
const LONG_READS: ReadonlySet<string> = new Set(['journal:export']);
/**
 * Writes that share the turn's commit too: the borrow cards every account manager files, whose
 * bodies are one synchronous transaction each (no checkpoint, no transaction of their own, no
 * other connection). Every other write runs alone.
 */
const TURN_WRITES: ReadonlySet<string> = new Set(['cards:file', 'cards:cancel', 'cards:approve', 'cards:reject']);
type LockReason = EventPayloads['event:locked']['reason'];
/** Pushes only the server makes: new notifications, and the server going away. */
export type RemoteEvent = 'event:notifications' | 'event:closing';

export class Connection {
  private session: RemoteSession | null = null;
  private locale: Locale = 'en';
  private reported = '';
  private tail: Promise<unknown> = Promise.resolve();
  private readonly router: Router;
  private readonly calls: TokenBucket;
  private readonly signIns: TokenBucket;
  private anonymousRefusals = 0;
  private lastRateJournal = 0;
  private readonly downloads = new Set<string>();
  private tempDir: string | null = null;
  private saveAs: string | null = null;
  private closed = false;
  /** A sign-in was asked for (it may still be running: argon2id takes a while under load). */
  triedSignIn = false;
  lastActivity = Date.now();
  lastUnread = 0;
  readonly openedAt = Date.now();

  constructor(
    private readonly ws: WebSocket,
    private readonly ctx: ServerContext,
    readonly address: string,
  ) {
    this.calls = new TokenBucket(ctx.limits.callsPerSecond, ctx.limits.callBurst);
    this.signIns = new TokenBucket(ctx.limits.signInsPerConnectionPerMinute / 60, ctx.limits.signInsPerConnectionPerMinute);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the holder's getter must read this connection
    const self = this;
    const manager: SessionHolder = {
      get current() {
        return self.session && !self.session.locked ? self.session : null;
      },
      create: async () => {
        throw new ArchiveError('remote.unsupported', { channel: 'archive:create' });
      },
      unlock: async () => {
        throw new ArchiveError('remote.unsupported', { channel: 'session:unlock' });
      },
      lock: (reason) => this.endSession(reason),
      // The idle check reads the archive's setting each time, so a change applies at once.
      applyIdleMinutes: () => undefined,
    };
    const state: PreferenceState = {
      get locale() {
        return self.locale;
      },
      setLocale: (locale) => (this.locale = locale),
      get recentArchives() {
        return [];
      },
      remember: () => [],
      forget: () => [],
    };
    this.router = createRouter({
      manager,
      state,
      version: ctx.version,
      now: () => ctx.archive.clock.now(),
      chooseFolder: async () => null,
      chooseSaveFile: async (defaultName) => this.serverFile(this.saveAs ?? defaultName),
      emit: (event, payload) => this.push(event, payload),
      trustedOrigins: [ORIGIN],
      log: ctx.log,
    });
    ws.on('message', (data, isBinary) => this.receive(data, isBinary));
    ws.on('close', () => void this.onClose());
    ws.on('error', (error) => this.onSocketError(error));
  }

  get signedIn(): RemoteSession | null {
    return this.session && !this.session.locked ? this.session : null;
  }

  /** Pushes an event to this workstation (locked, notifications, closing, export progress). */
  push(event: EventChannel | RemoteEvent, payload: unknown): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(JSON.stringify({ type: 'event', event, payload }));
  }

  /** Ends the session (idle, sign-out, the server stopping); the connection may sign in again. */
  async endSession(reason: LockReason): Promise<boolean> {
    const session = this.session;
    this.session = null;
    if (!session || session.locked) return false;
    await session.lock(reason);
    this.push('event:locked', { reason });
    return true;
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code, reason);
  }

  private answer(answer: Answer): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(JSON.stringify(answer));
  }

  private failureAnswer(id: number, code: ErrorCode, params: ErrorParams = {}): Answer {
    return { id, ok: false, error: { code, params, message: formatError({ code, params }, this.locale) } };
  }

  private failure(id: number, code: ErrorCode, params: ErrorParams = {}): void {
    this.answer(this.failureAnswer(id, code, params));
  }

  /**
   * A refusal at the transport: journaled in the signed-in person's name, or anonymously for the
   * first few on a connection nobody signed in on (then it is closed, so a stranger cannot grow
   * the permanent journal).
   */
  private journalRefusal(code: ErrorCode, details: Record<string, unknown>): void {
    const archive = this.ctx.archive;
    if (archive.closed || archive.damaged) return;
    const session = this.signedIn;
    if (!session && ++this.anonymousRefusals > this.ctx.limits.anonymousRefusals) {
      this.close(1008, 'too many refused requests');
      return;
    }
    try {
      archive.journal.append({
        actor: { id: session?.actor.id ?? null, name: session?.actor.name ?? null, duty: null },
        event: 'remote.refused',
        outcome: 'denied',
        reason: code,
        details: { ...details, remote: { address: this.address, reported: this.reported } },
      });
    } catch (error) {
      this.ctx.log(`could not journal a refused frame: ${toArchiveError(error).code}`);
    }
  }

  private receive(data: unknown, isBinary: boolean): void {
    this.lastActivity = Date.now();
    let parsed: unknown;
    try {
      if (isBinary) throw new Error('binary');
      parsed = JSON.parse(String(data));
    } catch {
      this.journalRefusal('remote.malformed', { frame: isBinary ? 'binary' : 'not JSON' });
      return this.failure(-1, 'remote.malformed');
    }
    const message = clientMessageSchema.safeParse(parsed);
    if (!message.success) {
      const id = typeof (parsed as { id?: unknown })?.id === 'number' ? (parsed as { id: number }).id : -1;
      const type = String((parsed as { type?: unknown })?.type ?? '').slice(0, 40);
      this.journalRefusal('remote.malformed', {
        frame: 'schema',
        type,
        keys: parsed && typeof parsed === 'object' ? Object.keys(parsed).slice(0, 20) : typeof parsed,
      });
      return this.failure(id, 'remote.malformed');
    }
    const msg = message.data;
    if (!this.calls.take()) {
      if (Date.now() - this.lastRateJournal > 10_000) {
        this.lastRateJournal = Date.now();
        this.journalRefusal('remote.rateLimited', { type: msg.type });
      }
      return this.failure(msg.id, 'remote.rateLimited');
    }
    this.tail = this.tail.then(() => this.dispatch(msg)).catch((error) => this.ctx.log(`request failed: ${toArchiveError(error).code}`));
  }

  private async dispatch(msg: ReturnType<typeof clientMessageSchema.parse>): Promise<void> {
    if (this.closed) return;
    switch (msg.type) {
      case 'signIn':
        return this.signIn(msg.id, msg.login, msg.password, msg.workstation, msg.locale);
      case 'signOut':
        await this.endSession(msg.reason ?? 'user');
        return this.answer({ id: msg.id, ok: true, value: { locked: true } });
      case 'download':
        return this.download(msg.id, msg.file, msg.offset);
      case 'call':
        return this.call(msg.id, msg.channel, msg.payload, msg.key, msg.saveAs);
    }
  }

  private async signIn(id: number, login: string, password: string, workstation: string, locale: Locale): Promise<void> {
    this.triedSignIn = true;
    this.locale = locale;
    this.reported = workstation;
    if (!this.signIns.take() || !this.ctx.signInBuckets.take(login.trim().toLowerCase())) {
      this.journalRefusal('remote.rateLimited', { type: 'signIn' });
      return this.failure(id, 'remote.rateLimited');
    }
    await this.endSession('user');
    try {
      const session = await signIn(this.ctx.archive, this.ctx.throttle, { login, password }, { address: this.address, reported: workstation }, this.ctx.kdf);
      if (this.closed) {
        await session.lock('quit');
        return;
      }
      this.session = session;
      this.lastUnread = this.unreadCount();
      // Idle time counts from the sign-in's end: argon2id may have taken seconds under load.
      this.lastActivity = Date.now();
      // Sent at once: it reveals nothing of the archive, and the first answer that does waits for a
      // sync that covers this sign-in's entry too (the WAL is written in order).
      this.answer({ id, ok: true, value: actorView(session.actor) });
    } catch (error) {
      const failure = toArchiveError(error);
      this.failure(id, failure.code, failure.params);
    }
  }

  private async call(id: number, channel: string, payload: unknown, key: string | undefined, saveAs: string | undefined): Promise<void> {
    const session = this.signedIn;
    if (!session) {
      this.journalRefusal('remote.notSignedIn', { channel: channel.slice(0, 80) });
      return this.failure(id, 'remote.notSignedIn');
    }
    if (LOCAL_ONLY_CHANNELS.has(channel)) {
      const code = LOCAL_ONLY_REASONS[channel] ?? 'remote.unsupported';
      this.journalRefusal(code, { channel });
      return this.failure(id, code, { channel });
    }
    const isRead = READ_CHANNELS.has(channel);
    const inTurn = isRead ? !LONG_READS.has(channel) : TURN_WRITES.has(channel);
    const run = async (): Promise<Answer | null> => {
      // Its work up to its first real wait commits with the other requests of this turn.
      if (inTurn) this.ctx.ticks.join();
      const storedKey = key && !isRead ? `${session.actor.id}:${key}` : null;
      if (storedKey) {
        const prior = priorAnswer(this.ctx.archive, storedKey);
        if (prior) {
          if (prior.channel !== channel) return this.failureAnswer(id, 'input.invalid', { detail: 'request key already used for another request' });
          if (prior.hasValue) return { id, ok: true, value: prior.value };
          return this.failureAnswer(id, 'remote.alreadyApplied', { key: key! });
        }
        session.request = { storedKey, channel };
      }
      this.saveAs = saveAs ? basename(saveAs) : null;
      try {
        const result = await this.withTimeout(this.router.handle(channel, payload, SENDER), id);
        if (result === null) return null;
        if (result.ok && storedKey && session.request) recordAnswer(this.ctx.archive, session.request, session.actor.id, result.value);
        return { id, ...result };
      } finally {
        session.request = null;
        this.saveAs = null;
        if (!isRead) this.ctx.afterWrite();
      }
    };
    // The next write may start at once; this answer waits for the sync that covers its commit.
    const ticks = this.ctx.ticks;
    const alone = () => ticks.alone(run);
    const answer = await (isRead ? (inTurn ? run() : alone()) : this.ctx.writes.run(inTurn ? run : alone));
    if (answer === null) return;
    try {
      await this.ctx.durable();
    } catch (error) {
      this.ctx.log(`could not sync the journal: ${(error as Error)?.message ?? error}`);
      return this.failure(id, 'remote.outcomeUnknown');
    }
    this.answer(answer);
  }

  /** Answers `remote.timeout` when the request outlives the limit; the request itself still finishes. */
  private async withTimeout<T>(work: Promise<T>, id: number): Promise<T | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), this.ctx.limits.requestTimeoutMs);
    });
    const first = await Promise.race([work, timeout]);
    clearTimeout(timer);
    if (first === null) {
      this.failure(id, 'remote.timeout', { seconds: Math.round(this.ctx.limits.requestTimeoutMs / 1000) });
      await work;
    }
    return first;
  }

  private serverFile(name: string): string {
    if (!this.tempDir) this.tempDir = mkdtempSync(join(this.ctx.tempRoot, 'conn-'));
    const file = join(this.tempDir, basename(name));
    this.downloads.add(file);
    // The manifest of a journal export is written beside its file.
    this.downloads.add(`${file}.manifest.json`);
    return file;
  }

  private download(id: number, file: string, offset: number): void {
    if (!this.signedIn || !this.downloads.has(file)) return this.failure(id, 'export.notFound', { path: basename(file) });
    let fd: number | undefined;
    try {
      fd = openSync(file, 'r');
      const size = fstatSync(fd).size;
      const buffer = Buffer.alloc(Math.max(0, Math.min(DOWNLOAD_CHUNK_BYTES, size - offset)));
      const read = buffer.length > 0 ? readSync(fd, buffer, 0, buffer.length, offset) : 0;
      const done = offset + read >= size;
      const chunk: DownloadChunk = { data: buffer.subarray(0, read).toString('base64'), size, done };
      this.answer({ id, ok: true, value: chunk });
      if (done) {
        this.downloads.delete(file);
        rmSync(file, { force: true });
      }
    } catch {
      this.failure(id, 'export.notFound', { path: basename(file) });
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  unreadCount(): number {
    const session = this.signedIn;
    if (!session || this.ctx.archive.closed) return 0;
    return unreadCounts(this.ctx.archive, [session.actor.id]).get(session.actor.id) ?? 0;
  }

  private onSocketError(error: Error & { code?: string }): void {
    // ws refuses an oversized or broken frame and closes the connection; we record why.
    const code: ErrorCode = error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'remote.tooLarge' : 'remote.malformed';
    this.journalRefusal(code, { frame: String(error.code ?? 'socket').slice(0, 60) });
  }

  private async onClose(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.tail.catch(() => undefined);
    const session = this.session;
    this.session = null;
    if (session && !session.locked) await session.lock('quit');
    if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true });
  }
}

/** Unread notifications of each of these people (absent: none). */
export function unreadCounts(archive: OpenArchive, personIds: readonly string[]): Map<string, number> {
  if (archive.closed || !personIds.length) return new Map();
  const rows = archive.db
    .prepare(
      `SELECT recipient_id AS id, count(*) AS n FROM notifications
       WHERE recipient_id IN (SELECT value FROM json_each(?)) AND read_at IS NULL GROUP BY recipient_id`,
    )
    .all(JSON.stringify(personIds)) as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}
