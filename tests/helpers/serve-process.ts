/** `triplicate serve` in a child process, as an administrator runs it; bounded waits only. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'src-main', 'cli', 'bin.cjs');

export interface ServeProcess {
  child: ChildProcess;
  port: number;
  fingerprint: string;
  output(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/**
 * `TRIPLICATE_SERVE_CPU_PROF=DIR` profiles the serve process (node --cpu-prof; the profile is
 * written when it stops cleanly), so a benchmark can say where the server's time goes.
 */
export async function startServe(folder: string, login: string, password: string, env: Record<string, string> = {}): Promise<ServeProcess> {
  const profileDir = process.env.TRIPLICATE_SERVE_CPU_PROF;
  const nodeFlags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(
    process.execPath,
    [...nodeFlags, BIN, 'serve', '--archive', folder, '--as', login, '--listen', '127.0.0.1:0', '--password-stdin', '--lang', 'en'],
    {
      env: { ...process.env, TRIPLICATE_KDF_TARGET_MS: '1', LANG: 'en_US.UTF-8', LC_ALL: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  child.stdin!.end(`${password}\n`);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const port = /on [\d.]+:(\d+) \(TLS 1\.3\)/.exec(out)?.[1];
    const fingerprint = /\n\s+((?:[0-9A-F]{2}:){31}[0-9A-F]{2})/.exec(out)?.[1];
    if (port && fingerprint) return { child, port: Number(port), fingerprint, output: () => out, exited };
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`serve did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
