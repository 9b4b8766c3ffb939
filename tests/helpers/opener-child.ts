/**
 * A second process opening an archive, for the one-opener tests and benchmark. Run with
 * `node -r tsx/cjs tests/helpers/opener-child.ts MODE FOLDER LOGIN` and the password on stdin:
 *
 *   hold  — unlocks, prints `held`, and keeps the archive until killed;
 *   try   — unlocks once and prints one JSON line: how long the attempt took and its error code/params.
 */
import { formatError } from '../../src-main/contract/messages';
import { toArchiveError } from '../../src-main/core/errors';
import { unlockArchive } from '../../src-main/core/vault/unlock';

const held: unknown[] = [];

async function main(): Promise<void> {
  const [mode, folder, login] = process.argv.slice(2) as [string, string, string];
  const password = await readStdinLine();
  const options = { stateDir: process.env.TRIPLICATE_STATE_DIR!, kdfTargetMs: 1, workstation: process.env.OPENER_WORKSTATION ?? 'child-workstation' };
  const started = process.hrtime.bigint();
  try {
    const session = await unlockArchive({ folder, login, password }, options);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (mode === 'hold') {
      // Kept reachable: a collected connection is closed by its finaliser, which would free the lock.
      held.push(session);
      process.stdout.write('held\n');
      setInterval(() => undefined, 60_000);
      return;
    }
    await session.lock();
    process.stdout.write(JSON.stringify({ ok: true, ms }) + '\n');
  } catch (error) {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const failure = toArchiveError(error).toInfo();
    process.stdout.write(
      JSON.stringify({ ok: false, ms, code: failure.code, params: failure.params, en: formatError(failure, 'en'), zh: formatError(failure, 'zh-CN') }) + '\n',
    );
    process.exitCode = 1;
  }
}

function readStdinLine(): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => (data += chunk));
    process.stdin.on('end', () => resolve(data.split('\n')[0] ?? ''));
  });
}

void main();
