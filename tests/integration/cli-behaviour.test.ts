/**
 * The CLI as a well-behaved command (issue 19, point 8): each command has its own options and its
 * own --help in both languages, unknown options are refused (exit 2), Ctrl+C exits 130, and a
 * closed pipe ends quietly. Runs the real `triplicate` launcher (the bundle when it is fresh).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

const BIN = join(__dirname, '..', '..', 'src-main', 'cli', 'bin.cjs');
let root: string;
let folder: string;
let env: Record<string, string>;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'triplicate-cli-behaviour-'));
  folder = join(root, 'archive');
  env = { TRIPLICATE_STATE_DIR: join(root, 'state') };
  const init = runCli(['init', '--archive', folder, '--admin', 'root', '--name', '管理员', '--password-stdin'], 'admin-password-1\n', env);
  expect(init.status, init.stderr).toBe(0);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('per-command options and help', () => {
  it("prints one command's usage for `<command> --help`, in either language, exit 0", () => {
    const en = runCli(['journal', 'export', '--help'], '', env);
    expect(en.status).toBe(0);
    expect(en.stdout).toMatch(/^Usage: triplicate journal export --archive DIR/);
    expect(en.stdout).not.toMatch(/person add/);
    const zh = runCli(['person', 'add', '-h', '--lang', 'zh-CN'], '', env);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toMatch(/^用法：triplicate person add --archive 目录/);
    expect(zh.stdout).toMatch(/所有命令还接受/);
    expect(zh.stdout).not.toMatch(/journal verify/);
  });

  it('refuses an option another command takes, or no command takes (exit 2, one clear line and the usage)', () => {
    const flat = runCli(['verify-export', join(root, 'x.csv'), '--dossiers', '5'], '', env);
    expect(flat.status).toBe(2);
    expect(flat.stderr.split('\n')[0]).toBe("Unknown option --dossiers for 'verify-export'.");
    expect(flat.stderr).toMatch(/Usage: triplicate verify-export FILE/);
    const zh = runCli(['person', 'list', '--archive', folder, '--as', 'root', '--format', 'csv', '--lang', 'zh-CN'], '', env);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toMatch(/^命令 person list 不接受选项 --format。/);
    const missingValue = runCli(['journal', 'verify', '--archive'], '', env);
    expect(missingValue.status).toBe(2);
    expect(missingValue.stderr).toMatch(/Option --archive of journal verify needs a value/);
    // The options a command does take still work.
    const ok = runCli(['person', 'list', '--archive', folder, '--as', 'root', '--json', '--password-stdin'], 'admin-password-1\n', env);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)[0].login).toBe('root');
  });
});

describe('signals and pipes', () => {
  it('Ctrl+C at the password prompt exits 130 (it exited 0)', async () => {
    // A real terminal (util-linux `script` gives the command a pty): the prompt puts it in raw
    // mode, where Ctrl+C arrives as a key, not as a signal.
    const command = [process.execPath, BIN, 'person', 'list', '--archive', folder, '--as', 'root'].map((a) => `'${a}'`).join(' ');
    const child = spawn('script', ['-qefc', command, '/dev/null'], {
      env: { ...process.env, ...env, TRIPLICATE_KDF_TARGET_MS: '1', LANG: 'en_US.UTF-8', LC_ALL: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let seen = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    await new Promise<void>((resolve) => {
      child.stdout!.on('data', (chunk) => {
        seen += chunk;
        if (seen.includes('Password for root')) resolve();
      });
      void exited.then(() => resolve());
    });
    child.stdin!.write('\x03');
    const code = await exited;
    clearTimeout(timer);
    expect(seen).toMatch(/Password for root/);
    expect(code).toBe(130);
  });

  it('a reader that goes away ends the output quietly: no EPIPE stack trace, the exit code unchanged', async () => {
    const child = spawn(process.execPath, [BIN, '--help'], { env: { ...process.env, LANG: 'en_US.UTF-8' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.destroy(); // closed before the command writes its first line
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('the launcher runs the sources through tsx when asked (or when the bundle is missing or stale)', () => {
    const source = spawnSync(process.execPath, [BIN, '--help'], {
      env: { ...process.env, TRIPLICATE_CLI: 'source', LANG: 'en_US.UTF-8' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(source.status).toBe(0);
    expect(source.stdout).toMatch(/^Usage: triplicate <command>/);
  });
});
