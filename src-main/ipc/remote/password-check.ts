/**
 * Where the archive server checks passwords: argon2id at the calibrated cost takes both cores of a
 * small server for about half a second, and Node cannot lower the priority of its own pool threads.
 * So the server hands each derivation to a process of its own, started at the lowest priority
 * (password-check-child.ts): twenty people signing in at once then take only the CPU the other
 * workstations' requests leave over, instead of stalling them.
 *
 * What crosses to that process: a password (or reset code) and a slot's public KDF parameters;
 * what comes back: the derived slot key, which this process uses and zeroes at once. The key slots,
 * the database key and the signing keys stay here. The channel is a pipe between the two processes
 * of one user, the same trust as this process's own memory.
 *
 * If the process dies it is started again and the request asked again, once; if it cannot be
 * started at all, the server says so in its log and derives in its own process, as it did before.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { deriveKey, type DeriveKey, type KdfParams } from '../../core/vault/kdf';
import { loginLocatorAsync } from '../../core/vault/seal';
import type { PasswordCheckAnswer, PasswordCheckRequest } from './password-check-protocol';

/** The two derivations of a sign-in: the login's locator (scrypt) and a slot's key (argon2id). */
export interface PasswordHasher {
  locator(login: string, salt: string): Promise<string>;
  derive: DeriveKey;
}

/** In the calling process: a local unlock, and the server's fallback. */
export const HASH_HERE: PasswordHasher = { locator: loginLocatorAsync, derive: deriveKey };

/** The channel to a started password-check process, whichever way it was started. */
export interface CheckerChild {
  readonly pid: number | undefined;
  send(request: PasswordCheckRequest): void;
  onMessage(listener: (answer: PasswordCheckAnswer) => void): void;
  onExit(listener: (detail: string) => void): void;
  kill(): void;
}

type Pending = { resolve: (answer: PasswordCheckAnswer) => void; reject: (error: Error) => void };

class CheckerGone extends Error {}

export class PasswordCheckProcess implements PasswordHasher {
  private child: CheckerChild | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped = false;
  private fallbackLogged = false;
  /** Derivations answered by the process, for the tests and the log. */
  answered = 0;

  constructor(
    private readonly log: (line: string) => void = () => undefined,
    private readonly start: () => CheckerChild = startCheckerChild,
  ) {}

  /** Started ahead of the first sign-in, so that one does not wait for a process to start. */
  warm(): void {
    this.running();
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async locator(login: string, salt: string): Promise<string> {
    const answer = await this.ask(
      (id) => ({ id, kind: 'locator', login, salt }),
      () => loginLocatorAsync(login, salt),
    );
    if (typeof answer === 'string') return answer;
    if (!('locator' in answer)) throw new Error('password-check: unexpected answer');
    return answer.locator;
  }

  derive = async (secret: Buffer, params: KdfParams): Promise<Buffer> => {
    const answer = await this.ask(
      (id) => ({ id, kind: 'derive', secret: new Uint8Array(secret), params }),
      () => deriveKey(secret, params),
    );
    if (Buffer.isBuffer(answer)) return answer;
    if (typeof answer === 'string' || !('key' in answer)) throw new Error('password-check: unexpected answer');
    const key = Buffer.from(answer.key);
    answer.key.fill(0);
    return key;
  };

  stop(): void {
    this.stopped = true;
    const child = this.child;
    this.child = null;
    child?.kill();
    this.failAll(new Error('password-check: the server is stopping'));
  }

  /**
   * Asked of the process; asked again once of a new process if that one died meanwhile; done here
   * if no process can be had. A derivation error (bad parameters) is the answer, not a reason to retry.
   */
  private async ask<T>(request: (id: number) => PasswordCheckRequest, here: () => Promise<T>): Promise<PasswordCheckAnswer | T> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const child = this.running();
      if (!child) break;
      const id = this.nextId++;
      const message = request(id);
      try {
        const answer = await new Promise<PasswordCheckAnswer>((resolve, reject) => {
          this.pending.set(id, { resolve, reject });
          try {
            child.send(message);
          } catch (error) {
            this.pending.delete(id);
            reject(new CheckerGone((error as Error).message));
          } finally {
            // Sending copied it: the only copy left in this process is the caller's.
            if (message.kind === 'derive') message.secret.fill(0);
          }
        });
        if ('error' in answer) throw new Error(answer.error);
        this.answered++;
        return answer;
      } catch (error) {
        if (!(error instanceof CheckerGone) || this.stopped) throw error;
      }
    }
    if (this.stopped) throw new Error('password-check: the server is stopping');
    if (!this.fallbackLogged) {
      this.fallbackLogged = true;
      this.log('password checks run in the server process: the low-priority password-check process could not be started');
    }
    return here();
  }

  private running(): CheckerChild | null {
    if (this.stopped) return null;
    if (this.child) return this.child;
    let child: CheckerChild;
    try {
      child = this.start();
    } catch (error) {
      // Tried again at the next derivation; said once.
      if (!this.fallbackLogged) this.log(`password-check process: ${(error as Error).message}`);
      return null;
    }
    child.onMessage((answer) => {
      const waiting = this.pending.get(answer.id);
      if (!waiting) {
        if ('key' in answer) answer.key.fill(0);
        return;
      }
      this.pending.delete(answer.id);
      waiting.resolve(answer);
    });
    child.onExit((detail) => {
      if (this.child !== child) return;
      this.child = null;
      if (!this.stopped) this.log(`password-check process ended (${detail}); the next sign-in starts another`);
      this.failAll(new CheckerGone(detail));
    });
    this.child = child;
    return child;
  }

  private failAll(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const w of waiting) w.reject(error);
  }
}

/** Where the child's code is: built next to this bundle (electron.vite.config.ts), or the sources through tsx. */
export function checkerEntry(): { file: string; execArgv: string[] } {
  const built = [join(__dirname, 'password-check.js'), join(__dirname, '..', 'password-check.js')].find((file) => existsSync(file));
  if (built) return { file: built, execArgv: [] };
  const require = createRequire(join(__dirname, 'password-check.ts'));
  return { file: join(__dirname, 'password-check-child.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] };
}

/**
 * Electron's main process (the installed app's `--cli serve`) cannot fork itself as Node (its
 * RunAsNode fuse is off) and starts a utility process instead; plain Node forks.
 */
export function startCheckerChild(): CheckerChild {
  const entry = checkerEntry();
  if (process.versions.electron && (process as { type?: string }).type === 'browser') return startUtilityChild(entry.file);
  const child = fork(entry.file, [], {
    execArgv: entry.execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr = (stderr + String(d)).slice(-2000)));
  // The server must be free to exit with the process still there.
  child.unref();
  child.channel?.unref();
  return {
    get pid() {
      return child.pid;
    },
    send: (request) => {
      if (!child.connected) throw new Error('not connected');
      child.send(request);
    },
    onMessage: (listener) => child.on('message', (m) => listener(m as PasswordCheckAnswer)),
    onExit: (listener) => {
      child.on('exit', (code, signal) => listener(`${signal ?? `exit ${code}`}${stderr ? `: ${stderr.trim().split('\n').pop()}` : ''}`));
      child.on('error', (error) => listener(error.message));
    },
    kill: () => child.kill(),
  };
}

function startUtilityChild(file: string): CheckerChild {
  // Required only here: the CLI and the tests run without Electron.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { app, utilityProcess } = require('electron') as typeof import('electron');
  // `--cli serve` starts before Electron is ready, when no utility process can be had yet: the
  // derivation then stays in the server, and the next one tries again.
  if (!app.isReady()) throw new Error('Electron is not ready yet');
  const child = utilityProcess.fork(file, [], { serviceName: 'Triplicate password check', stdio: 'ignore' });
  return {
    get pid() {
      return child.pid;
    },
    send: (request) => child.postMessage(request),
    onMessage: (listener) => child.on('message', (m: PasswordCheckAnswer) => listener(m)),
    onExit: (listener) => child.on('exit', (code) => listener(`exit ${code}`)),
    kill: () => void child.kill(),
  };
}
