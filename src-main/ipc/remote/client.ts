/**
 * A workstation's side of the archive server: connects over TLS 1.3, checks that the server's
 * certificate is the pinned one (SHA-256 fingerprint, as SSH pins a host key) before anything of
 * the person's is sent, signs in, and carries the contract's channels. Node only (CLI, the app's
 * main process); no core imports, so a workstation never holds a key, a slot or the database.
 *
 * Writes carry an idempotency key. When the connection is lost before an answer arrives, the call
 * fails with `remote.outcomeUnknown`; calling again with the same key applies the write at most once.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { connect as tlsConnect, type TLSSocket, type ConnectionOptions } from 'node:tls';
import { WebSocket } from 'ws';
import type { ErrorCode, ErrorInfo, ErrorParams } from '../../contract/errors';
import type { Result } from '../../contract/ipc';
import { formatError, type Locale } from '../../contract/messages';
import type { ActorView } from '../../contract/people';
import { MAX_FRAME_BYTES, normaliseFingerprint, READ_CHANNELS, SUBPROTOCOL, type DownloadChunk, type Push, type ServerMessage } from './protocol';

export interface RemoteAddress {
  host: string;
  port: number;
}

export interface ConnectOptions extends RemoteAddress {
  /** The pinned fingerprint; null to learn it (the connection is then refused, naming it). */
  fingerprint: string | null;
  locale?: Locale;
  connectTimeoutMs?: number;
  /** How long to wait for an answer before reporting the outcome unknown. */
  callTimeoutMs?: number;
}

/** A failure the workstation reports in the person's language, with the server's code. */
export class RemoteFailure extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message ?? info.code);
    this.name = 'RemoteFailure';
  }
}

export function parseAddress(text: string): RemoteAddress {
  const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(text.trim());
  const port = match ? Number(match[2]) : NaN;
  if (!match || !(port >= 0 && port < 65536)) throw new Error(`not HOST:PORT: ${text}`);
  return { host: match[1]!, port };
}

export function newRequestKey(): string {
  return randomBytes(18).toString('base64url');
}

interface Pending {
  resolve: (answer: Result<unknown>) => void;
  timer: NodeJS.Timeout;
}

export class RemoteClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(push: Push) => void>();
  private readonly closeListeners = new Set<() => void>();
  private closedFlag = false;

  private constructor(
    private readonly ws: WebSocket,
    private readonly options: ConnectOptions,
  ) {
    ws.on('message', (data) => this.receive(String(data)));
    ws.on('close', () => this.handleClose());
    ws.on('error', () => undefined);
  }

  get address(): string {
    return `${this.options.host}:${this.options.port}`;
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  private get locale(): Locale {
    return this.options.locale ?? 'en';
  }

  static async connect(options: ConnectOptions): Promise<RemoteClient> {
    const locale = options.locale ?? 'en';
    const address = `${options.host}:${options.port}`;
    const fail = (code: ErrorCode, params: ErrorParams) => new RemoteFailure({ code, params, message: formatError({ code, params }, locale) });
    const expected = options.fingerprint ? normaliseFingerprint(options.fingerprint) : null;
    let pinFailure: RemoteFailure | null = null;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    const ws = new WebSocket(`wss://${host}:${options.port}/`, SUBPROTOCOL, {
      maxPayload: MAX_FRAME_BYTES * 2,
      perMessageDeflate: false,
      handshakeTimeout: options.connectTimeoutMs ?? 10_000,
      // Trust is the pinned fingerprint, checked as soon as the handshake completes, not a CA.
      createConnection: ((opts: ConnectionOptions) => {
        const socket: TLSSocket = tlsConnect({ ...opts, rejectUnauthorized: false, minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' });
        socket.once('secureConnect', () => {
          const actual = normaliseFingerprint(socket.getPeerCertificate().fingerprint256 ?? '');
          if (expected === actual) return;
          pinFailure = expected ? fail('remote.certificateChanged', { address, actual, expected }) : fail('remote.certificateUnknown', { address, actual });
          socket.destroy();
        });
        return socket;
      }) as never,
    });
    return new Promise<RemoteClient>((resolve, reject) => {
      ws.once('open', () => {
        if (pinFailure) {
          ws.terminate();
          return reject(pinFailure);
        }
        resolve(new RemoteClient(ws, options));
      });
      ws.once('error', (error: Error & { code?: string }) => {
        ws.terminate();
        reject(pinFailure ?? fail('remote.unreachable', { address, detail: error.code ?? error.message }));
      });
      ws.once('close', () => reject(pinFailure ?? fail('remote.unreachable', { address, detail: 'closed' })));
    });
  }

  onEvent(listener: (push: Push) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Told when the connection is lost or closed (a workstation then clears what it shows). */
  onClosed(listener: () => void): void {
    this.closeListeners.add(listener);
  }

  private handleClose(): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.resolve(this.failure('remote.outcomeUnknown'));
      this.pending.delete(id);
    }
    for (const l of this.closeListeners) l();
  }

  private failure(code: ErrorCode, params: ErrorParams = {}): Result<never> {
    return { ok: false, error: { code, params, message: formatError({ code, params }, this.locale) } };
  }

  private receive(text: string): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(text) as ServerMessage;
    } catch {
      return;
    }
    if ('type' in message && message.type === 'event') {
      for (const l of this.listeners) l(message);
      return;
    }
    const answer = message as Exclude<ServerMessage, Push>;
    const pending = this.pending.get(answer.id);
    if (!pending) return;
    this.pending.delete(answer.id);
    clearTimeout(pending.timer);
    pending.resolve(answer.ok ? { ok: true, value: answer.value } : { ok: false, error: answer.error });
  }

  /** Sends one message and waits for its answer (or an unknown outcome). */
  send(message: Record<string, unknown>): Promise<Result<unknown>> {
    if (this.closedFlag || this.ws.readyState !== WebSocket.OPEN) return Promise.resolve(this.failure('remote.outcomeUnknown'));
    const id = this.nextId++;
    return new Promise((resolve) => {
      const seconds = Math.round((this.options.callTimeoutMs ?? 130_000) / 1000);
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(this.failure('remote.timeout', { seconds }));
      }, this.options.callTimeoutMs ?? 130_000);
      this.pending.set(id, { resolve, timer });
      this.ws.send(JSON.stringify({ ...message, id }));
    });
  }

  /** Raw text, for tests of how the server treats frames it cannot read. */
  sendRaw(data: string | Buffer): void {
    this.ws.send(data);
  }

  signIn(login: string, password: string, workstation = hostname()): Promise<Result<ActorView>> {
    return this.send({ type: 'signIn', login, password, workstation, locale: this.locale }) as Promise<Result<ActorView>>;
  }

  signOut(reason?: 'user' | 'idle' | 'suspend' | 'screen-lock' | 'quit'): Promise<Result<unknown>> {
    return this.send({ type: 'signOut', ...(reason ? { reason } : {}) });
  }

  /** A contract channel. Writes get a fresh idempotency key unless one is given (a retry). */
  call<T = unknown>(channel: string, payload: unknown = {}, options: { key?: string; saveAs?: string } = {}): Promise<Result<T>> {
    const key = options.key ?? (READ_CHANNELS.has(channel) ? undefined : newRequestKey());
    return this.send({
      type: 'call',
      channel,
      payload,
      ...(key ? { key } : {}),
      ...(options.saveAs ? { saveAs: options.saveAs } : {}),
    }) as Promise<Result<T>>;
  }

  /** Fetches a file the server wrote for this connection (an export), in chunks. */
  async download(file: string): Promise<Result<Buffer>> {
    const parts: Buffer[] = [];
    let offset = 0;
    for (;;) {
      const answer = await this.send({ type: 'download', file, offset });
      if (!answer.ok) return answer;
      const chunk = answer.value as DownloadChunk;
      const bytes = Buffer.from(chunk.data, 'base64');
      parts.push(bytes);
      offset += bytes.length;
      if (chunk.done) return { ok: true, value: Buffer.concat(parts) };
      if (bytes.length === 0) return this.failure('remote.malformed');
    }
  }

  close(): Promise<void> {
    if (this.closedFlag) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close(1000, 'bye');
      setTimeout(() => {
        this.ws.terminate();
        resolve();
      }, 2000).unref();
    });
  }
}
