/**
 * The `triplicate` command as administrators and auditors use it: exit 0 / 1 / 2, one clear line
 * on stderr in the user's language, never a stack trace, and never a rewritten archive on failure.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot } from '../helpers/archive';
import { runCli } from '../helpers/cli';

const ADMIN_PW = 'admin-password-1';
let root: string;
let folder: string;
let env: Record<string, string>;

const cli = (args: string[], stdin = '', extraEnv: Record<string, string> = {}) =>
  runCli([...args, '--archive', folder, '--password-stdin'], stdin, { ...env, ...extraEnv });

function expectNoStack(stderr: string) {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr.trim().split('\n')).toHaveLength(1);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'triplicate-cli-'));
  folder = join(root, 'archive');
  env = { TRIPLICATE_STATE_DIR: join(root, 'state') };
  const init = cli(['init', '--admin', 'root', '--name', '管理员'], `${ADMIN_PW}\n`);
  expect(init.status, init.stderr).toBe(0);
  expect(init.stdout).toMatch(/Recovery key/);
  expect(init.stdout).toMatch(/[0-9A-Z]{4}(-[0-9A-Z]{4}){7}/);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('triplicate CLI', () => {
  it('adds people with the second stdin line as their password, and lists them', () => {
    const add = cli(
      ['person', 'add', '--as', 'root', '--login', 'li.si', '--name', '李四', '--department', 'sales', '--rank', 'staff', '--duty', 'custodian'],
      `${ADMIN_PW}\nli-password-001\n`,
    );
    expect(add.status, add.stderr).toBe(0);
    const list = cli(['person', 'list', '--as', 'root', '--json'], `${ADMIN_PW}\n`);
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual(
      expect.arrayContaining([expect.objectContaining({ login: 'li.si', name: '李四', duties: ['custodian'], disabled: false })]),
    );
    // The new person's own password works.
    expect(cli(['department', 'list', '--as', 'li.si'], 'li-password-001\n').status).toBe(0);
  });

  it('a wrong password exits 1 with a message and leaves every file byte-identical', () => {
    const before = snapshot(folder);
    const result = cli(['person', 'list', '--as', 'root'], 'wrong-password\n');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Wrong login or password/);
    expectNoStack(result.stderr);
    expect(snapshot(folder)).toEqual(before);
  });

  it('speaks Chinese on a Chinese system and with --lang zh-CN', () => {
    const zh = cli(['person', 'list', '--as', 'root'], 'wrong-password\n', { LANG: 'zh_CN.UTF-8' });
    expect(zh.stderr).toMatch(/登录名或密码错误/);
    const flag = cli(['person', 'list', '--as', 'root', '--lang', 'zh-CN'], 'wrong-password\n');
    expect(flag.stderr).toMatch(/登录名或密码错误/);
    // Let the back-off from these failures pass for the tests that follow.
    const ok = cli(['person', 'list', '--as', 'root'], `${ADMIN_PW}\n`);
    expect([0, 1]).toContain(ok.status);
  });

  it('a refusal exits 1 with the reason in one line', () => {
    const result = cli(['rekey', '--as', 'li.si'], 'li-password-001\n');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('Only an administrator may do this.');
  });

  it('bad usage exits 2: unknown command, unknown option, missing option, missing stdin line', () => {
    expect(cli(['person', 'fly', '--as', 'root'], `${ADMIN_PW}\n`).status).toBe(2);
    expect(cli(['person', 'list', '--as', 'root', '--colour'], `${ADMIN_PW}\n`).status).toBe(2);
    const missing = cli(['person', 'list'], `${ADMIN_PW}\n`);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--as is required/);
    // (li.si, not root: root is still in back-off from the wrong passwords above.)
    const noSecond = cli(['person', 'add', '--as', 'li.si', '--login', 'x.y', '--name', 'X', '--department', 'sales', '--rank', 'staff'], 'li-password-001\n');
    expect(noSecond.status).toBe(2);
    expect(runCli([], '', env).status).toBe(2);
  });

  it('init refuses to overwrite an existing archive', () => {
    const before = snapshot(folder);
    const result = cli(['init', '--admin', 'other', '--name', 'Other'], 'another-password-1\n');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/already exists/);
    expect(snapshot(folder)).toEqual(before);
  });

  it('bytes damaged inside the database give a clear "damaged" error and the file is untouched', () => {
    const copy = join(root, 'damaged');
    const ok = runCli(['init', '--archive', copy, '--admin', 'root', '--name', 'Root', '--password-stdin'], `${ADMIN_PW}\n`, env);
    expect(ok.status).toBe(0);
    const db = join(copy, 'archive.db');
    const bytes = readFileSync(db);
    // One byte in every page after the first: whatever the command reads next is damaged.
    for (let offset = 4096 + 200; offset < bytes.length; offset += 4096) bytes[offset] = bytes[offset]! ^ 0x5a;
    writeFileSync(db, bytes);
    const before = snapshot(copy);
    const result = runCli(['person', 'list', '--archive', copy, '--as', 'root', '--password-stdin'], `${ADMIN_PW}\n`, env);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/password is correct, but the archive is damaged/);
    expectNoStack(result.stderr);
    expect(snapshot(copy)).toEqual(before);
  });
});
