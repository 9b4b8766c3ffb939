/**
 * `triplicate serve`'s network side: an HTTPS server that speaks TLS 1.3 only and carries one
 * WebSocket per workstation (the `ws` library does the framing). It is handed an archive already
 * unlocked by the administrator and is, from then on, the archive's one opener.
 *
 * Stopping tells every workstation (`event:closing`), ends every session (journaled), then the
 * administrator's session locks: the journal head is signed, the database closed, the key zeroed.
 */
import { createServer, type Server as HttpsServer } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { readSettings } from '../../core/settings/service';
import type { Session } from '../../core/session';
import { Throttle } from '../../core/vault/throttle';
import type { ServerCertificate } from './certificate';
import { Connection, unreadCounts, type ServerContext } from './connection';
import { DEFAULT_LIMITS, KeyedBuckets, type ServerLimits } from './limits';
import { Gate, Serial } from './mutex';
import { availableParallelism } from 'node:os';
import { keepThisThreadFree } from '../../core/journal/verify-pool';
import { DATABASE_FILE } from '../../core/vault/keyring';
import { GroupSync } from './group-sync';
import { TickCommit } from './tick-commit';
import { cacheStatements } from '../../core/db/statement-cache';
import { MAX_FRAME_BYTES, SUBPROTOCOL } from './protocol';
import { PasswordCheckProcess, type PasswordHasher } from './password-check';

const HEARTBEAT_MS = 30_000;

export interface ArchiveServerOptions {
  /** The administrator's session that unlocked the archive; locked when the server stops. */
  admin: Session;
  certificate: ServerCertificate;
  host?: string;
  port?: number;
  /** Sign-in back-off per login; kept beside the certificate, not in the archive. */
  throttleDir: string;
  version: string;
  limits?: Partial<ServerLimits>;
  /** Test hook: idle timeout in seconds instead of the archive's setting. */
  idleOverrideSeconds?: number;
  idleCheckMs?: number;
  log?: (line: string) => void;
}

export class ArchiveServer {
  private readonly https: HttpsServer;
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private readonly ctx: ServerContext;
  private idleTimer: NodeJS.Timeout | null = null;
  private stopping: Promise<void> | null = null;
  private readonly sync: GroupSync;
  private readonly ticks: TickCommit;
  private pushPending = false;
  private readonly stopFollowing: () => void;
  /** Sign-ins' argon2id, at the lowest priority, in a process of its own. */
  readonly passwordCheck: PasswordCheckProcess;

  constructor(private readonly options: ArchiveServerOptions) {
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const archive = options.admin.archive;
    // Commits no longer sync one by one; answers wait for a shared sync of the WAL (group-sync.ts).
    archive.db.pragma('synchronous=NORMAL');
    // Each request would otherwise compile the same SQL again (statement-cache.ts).
    cacheStatements(archive.db);
    this.sync = new GroupSync(join(archive.folder, `${DATABASE_FILE}-wal`));
    this.ticks = new TickCommit(archive);
    this.passwordCheck = new PasswordCheckProcess(options.log);
    // A rekey through the server moves the archive to a new connection and a new WAL file: the
    // same rule follows, or every commit would sync again (and the group sync watch a stale file).
    this.stopFollowing = archive.onDatabaseReplaced((db) => {
      db.pragma('synchronous=NORMAL');
      cacheStatements(db);
      this.sync.follow(`${db.name}-wal`);
    });
    this.ctx = {
      archive,
      // The turn's commit first (tick-commit.ts), then the sync of the WAL that holds it.
      durable: () => this.ticks.committed().then(() => this.sync.durable()),
      throttle: new Throttle(options.throttleDir),
      limits,
      version: options.version,
      signInBuckets: new KeyedBuckets(limits.signInsPerLoginPerMinute / 60, limits.signInsPerLoginPerMinute),
      writes: new Serial(),
      // Even at the lowest priority, a burst of argon2id runs is bounded: each holds its memory cost.
      kdf: gated(this.passwordCheck, new Gate(Math.max(1, availableParallelism() - 1))),
      tempRoot: mkdtempSync(join(tmpdir(), 'triplicate-serve-')),
      log: options.log ?? (() => undefined),
      afterWrite: () => this.notifyAfterCommit(),
      ticks: this.ticks,
    };
    // The chain walk of a verify runs in workers only, so other people's requests are not held.
    keepThisThreadFree();
    this.https = createServer({
      cert: options.certificate.cert,
      key: options.certificate.key,
      minVersion: 'TLSv1.3',
      maxVersion: 'TLSv1.3',
      // Slow or silent handshakes and requests are cut off rather than held open.
      handshakeTimeout: 10_000,
      requestTimeout: 15_000,
      headersTimeout: 10_000,
    });
    // Plain HTTPS requests get nothing: only the WebSocket upgrade is served.
    this.https.on('request', (_req, res) => {
      res.writeHead(426, { 'content-type': 'text/plain' }).end('Triplicate archive server: use a Triplicate workstation.\n');
    });
    this.https.on('tlsClientError', () => undefined);
    this.wss = new WebSocketServer({
      server: this.https,
      maxPayload: MAX_FRAME_BYTES,
      perMessageDeflate: false,
      handleProtocols: (protocols) => (protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
      verifyClient: (_info, done) => done(this.stopping === null && this.connections.size < limits.maxConnections, 503),
    });
    this.wss.on('connection', (ws, request) => {
      if (ws.protocol !== SUBPROTOCOL) return ws.close(1002, 'unknown protocol');
      const address = `${request.socket.remoteAddress ?? '?'}:${request.socket.remotePort ?? '?'}`;
      const connection = new Connection(ws, this.ctx, address);
      this.connections.add(connection);
      // A workstation that vanished (sleep, cable) without closing is found by a missed pong.
      let alive = true;
      ws.on('pong', () => (alive = true));
      const heartbeat = setInterval(() => {
        if (!alive) return ws.terminate();
        alive = false;
        ws.ping();
      }, HEARTBEAT_MS);
      heartbeat.unref();
      ws.on('close', () => clearInterval(heartbeat));
      ws.on('close', () => this.connections.delete(connection));
      const deadline = setTimeout(() => {
        if (!connection.triedSignIn) connection.close(1008, 'sign in first');
      }, limits.signInWithinMs);
      deadline.unref();
      ws.on('close', () => clearTimeout(deadline));
    });
    this.wss.on('error', (error) => this.ctx.log(`server: ${error.message}`));
  }

  get fingerprint(): string {
    return this.options.certificate.fingerprint;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  async listen(): Promise<AddressInfo> {
    await new Promise<void>((resolve, reject) => {
      this.https.once('error', reject);
      this.https.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => {
        this.https.off('error', reject);
        resolve();
      });
    });
    this.passwordCheck.warm();
    this.idleTimer = setInterval(() => void this.endIdleSessions(), this.options.idleCheckMs ?? 5_000);
    this.idleTimer.unref();
    return this.https.address() as AddressInfo;
  }

  /** The archive's idle timeout ends a session that has not sent anything for that long. */
  private async endIdleSessions(): Promise<void> {
    const archive = this.ctx.archive;
    if (archive.closed) return;
    let idleMs: number;
    try {
      idleMs = (this.options.idleOverrideSeconds ?? readSettings(archive.db).idleLockMinutes * 60) * 1000;
    } catch {
      return;
    }
    const now = Date.now();
    for (const connection of this.connections) {
      if (connection.signedIn && now - connection.lastActivity >= idleMs) await connection.endSession('idle');
    }
  }

  /**
   * After a write: once its turn is committed (tick-commit.ts), so nobody hears of a notification
   * that could still be rolled back; the writes of one turn share one count.
   */
  private notifyAfterCommit(): void {
    if (this.pushPending) return;
    this.pushPending = true;
    const push = () => {
      this.pushPending = false;
      this.pushNotifications();
    };
    void this.ticks.committed().then(push, push);
  }

  /** A workstation whose unread notifications grew hears of it at once. */
  private pushNotifications(): void {
    const signedIn = [...this.connections].filter((c) => c.signedIn);
    if (!signedIn.length) return;
    let counts: Map<string, number>;
    try {
      // One query for everyone signed in, not one per connection after every write.
      counts = unreadCounts(this.ctx.archive, [...new Set(signedIn.map((c) => c.signedIn!.actor.id))]);
    } catch {
      // Counts that cannot be read now are read again after the next write.
      return;
    }
    for (const connection of signedIn) {
      const unread = counts.get(connection.signedIn!.actor.id) ?? 0;
      if (unread !== connection.lastUnread) {
        if (unread > connection.lastUnread) connection.push('event:notifications', { unread });
        connection.lastUnread = unread;
      }
    }
  }

  stop(): Promise<void> {
    this.stopping ??= this.doStop();
    return this.stopping;
  }

  private async doStop(): Promise<void> {
    if (this.idleTimer) clearInterval(this.idleTimer);
    // A sign-in still deriving is refused: the server is closing.
    this.passwordCheck.stop();
    for (const connection of this.connections) connection.push('event:closing', {});
    // Queued writes finish first, so nothing is cut off mid-transaction.
    await this.ctx.writes.run(() =>
      this.ticks.alone(async () => {
        for (const connection of this.connections) await connection.endSession('quit');
      }),
    );
    for (const connection of this.connections) connection.close(1001, 'server stopping');
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.https.closeAllConnections?.();
    await new Promise<void>((resolve) => this.https.close(() => resolve()));
    // A read still finishing may have opened a turn: it commits before the close, and none opens after.
    await this.ticks.alone(async () => {
      await this.sync.durable().catch(() => undefined);
      this.sync.close();
      this.stopFollowing();
      await this.options.admin.lock('quit');
    });
    rmSync(this.ctx.tempRoot, { recursive: true, force: true });
  }
}

function gated(hasher: PasswordHasher, gate: Gate): PasswordHasher {
  return {
    locator: (login, salt) => gate.run(() => hasher.locator(login, salt)),
    derive: (secret, params) => gate.run(() => hasher.derive(secret, params)),
  };
}
