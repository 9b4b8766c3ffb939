/** Runs the real `triplicate` command in a child process, as an administrator would. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'src-main', 'cli', 'bin.cjs');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], stdin: string, env: Record<string, string> = {}, timeoutMs = 60_000): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, TRIPLICATE_KDF_TARGET_MS: '1', LANG: 'en_US.UTF-8', LC_ALL: '', ...env },
    timeout: timeoutMs,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
