/**
 * The archive server's password-check process (password-check.ts starts it). It runs argon2id and
 * the login locator's scrypt at the lowest priority the system gives, so a burst of sign-ins takes
 * only the CPU that the server's requests leave over. It is given a password and a slot's public
 * KDF parameters and returns the derived bytes: it never sees a key slot, the database key or the
 * archive, and holds nothing between requests.
 *
 * Started by child_process.fork (plain Node: the CLI, tests) or by Electron's utilityProcess (the
 * installed app, whose RunAsNode fuse is off); the same messages go over either channel.
 */
import { existsSync, readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import { deriveKey, kdfParamsSchema } from '../../core/vault/kdf';
import { loginLocatorAsync } from '../../core/vault/seal';
import type { PasswordCheckAnswer, PasswordCheckRequest } from './password-check-protocol';

const LOWEST = 19;

/**
 * Linux keeps a nice value per thread, inherited by the threads a thread starts: every thread that
 * exists now is lowered, and libuv's pool (started by this thread at the first request) and argon2's
 * lane threads (started by the pool) inherit it. Elsewhere the priority is the process's.
 */
function lowerPriority(): void {
  try {
    setPriority(0, LOWEST);
  } catch {
    /* a system that refuses still gets correct answers, only not the lower priority */
  }
  if (!existsSync('/proc/self/task')) return;
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      setPriority(Number(tid), LOWEST);
    } catch {
      /* a thread that ended meanwhile */
    }
  }
}

async function answer(request: PasswordCheckRequest): Promise<PasswordCheckAnswer> {
  try {
    if (request.kind === 'locator') return { id: request.id, locator: await loginLocatorAsync(request.login, request.salt) };
    const secret = Buffer.from(request.secret.buffer, request.secret.byteOffset, request.secret.byteLength);
    try {
      // The same ceilings as a local unlock: a forged request cannot make this process allocate without bound.
      const key = await deriveKey(secret, kdfParamsSchema.parse(request.params));
      return { id: request.id, key };
    } finally {
      secret.fill(0);
    }
  } catch (error) {
    return { id: request.id, error: (error as Error)?.message ?? String(error) };
  }
}

interface ParentPort {
  on(event: 'message', listener: (event: { data: PasswordCheckRequest }) => void): void;
  postMessage(message: PasswordCheckAnswer): void;
}

lowerPriority();
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (parentPort) {
  // Electron's utility process: it ends with the app.
  parentPort.on('message', (event) => void answer(event.data).then((reply) => sendAndZero(reply, (m) => parentPort.postMessage(m))));
} else if (process.send) {
  process.on('message', (request: PasswordCheckRequest) => void answer(request).then((reply) => sendAndZero(reply, (m) => process.send!(m))));
  // The server is gone (or stopped this process): nothing is left to answer.
  process.on('disconnect', () => process.exit(0));
} else {
  process.stderr.write('password-check: start me from the archive server\n');
  process.exit(2);
}

/** Both channels copy the message as it is sent, so this process's copy of the key is zeroed at once. */
function sendAndZero(reply: PasswordCheckAnswer, send: (message: PasswordCheckAnswer) => void): void {
  try {
    send(reply);
  } finally {
    if ('key' in reply) reply.key.fill(0);
  }
}
