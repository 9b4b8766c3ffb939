/**
 * The bundled CLI answers `--help` without loading any command's code (issue 19, cli_help_s): the
 * entry file carries the commands' descriptions as data, and the core, the native addons and the
 * commands load from the second file only when a command runs. Builds the real bundle
 * (cli-bundle.ts, as `npm run build` does) into a temporary folder and runs it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Metafile } from 'esbuild';
import { buildCliBundle, CLI_COMMANDS_FILE, CLI_ENTRY_FILE } from '../../src-main/cli/build/cli-bundle';
import { COMMAND_SPECS } from '../../src-main/cli/command-specs';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'src-main', 'cli', 'bin.cjs');
let out: string;
let metafiles: { entry: Metafile; commands: Metafile };

beforeAll(async () => {
  // Inside the checkout, so the commands file finds the native addons in node_modules.
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  out = mkdtempSync(join(cache, 'triplicate-cli-help-'));
  metafiles = await buildCliBundle(out);
  // Records every module the process loaded, as it exits.
  writeFileSync(
    join(out, 'record-loaded.cjs'),
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_FILE, JSON.stringify(Object.keys(require.cache))));\n",
  );
}, 240_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

function runBundle(args: string[], stdin = ''): { status: number | null; stdout: string; stderr: string; loaded: string[] } {
  const loadedFile = join(out, `loaded-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  const run = spawnSync(process.execPath, ['-r', join(out, 'record-loaded.cjs'), join(out, CLI_ENTRY_FILE), ...args], {
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, LOADED_FILE: loadedFile, LANG: 'en_US.UTF-8', LC_ALL: '' },
    timeout: 60_000,
  });
  const loaded = (JSON.parse(readFileSync(loadedFile, 'utf8')) as string[])
    .filter((path) => !path.endsWith('record-loaded.cjs'))
    .map((path) => relative(ROOT, path));
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, loaded };
}

describe('the bundled CLI', () => {
  it('builds its entry from the command line code alone: no core, no package, a small file', () => {
    const inputs = Object.keys(metafiles.entry.inputs);
    expect(inputs.some((path) => path.includes('src-main/cli/run.ts'))).toBe(true);
    expect(inputs.filter((path) => path.includes('src-main/core/') || path.includes('node_modules/'))).toEqual([]);
    expect(statSync(join(out, CLI_ENTRY_FILE)).size).toBeLessThan(200 * 1024);
    expect(Object.keys(metafiles.commands.inputs).some((path) => path.includes('src-main/core/journal/'))).toBe(true);
  });

  it("answers --help, a command's --help and bad usage without loading the commands file or an addon", () => {
    for (const args of [
      ['--help'],
      ['journal', 'export', '--help'],
      ['person', 'add', '-h', '--lang', 'zh-CN'],
      ['verify-export', 'F', '--dossiers', '5'],
      [],
    ]) {
      const run = runBundle(args);
      expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(args.length === 0 || args.includes('--dossiers') ? 2 : 0);
      expect(run.loaded, args.join(' ')).toEqual([relative(ROOT, join(out, CLI_ENTRY_FILE))]);
    }
  });

  it('says the same as the sources, in both languages (the inlined descriptions are current)', () => {
    for (const lang of ['en', 'zh-CN']) {
      for (const args of [['--help'], ['lead', 'publication', '--help']]) {
        const bundled = runBundle([...args, '--lang', lang]);
        const source = spawnSync(process.execPath, [BIN, ...args, '--lang', lang], {
          encoding: 'utf8',
          env: { ...process.env, TRIPLICATE_CLI: 'source' },
          timeout: 120_000,
        });
        expect(source.status, source.stderr).toBe(0);
        expect(bundled.stdout).toBe(source.stdout);
      }
    }
  }, 240_000);

  it('loads the commands file and the addons when a command runs', () => {
    const run = runBundle(['journal', 'verify', '--archive', join(out, 'no-archive-here'), '--as', 'auditor', '--password-stdin'], 'a-password-1\n');
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/No archive was found/);
    expect(run.loaded).toContain(relative(ROOT, join(out, CLI_COMMANDS_FILE)));
    expect(run.loaded.some((path) => path.endsWith('.node'))).toBe(true);
  });

  it('runs a command from the TypeScript sources too (a fresh checkout before any build)', () => {
    const args = ['journal', 'verify', '--archive', join(out, 'no-archive-here'), '--as', 'auditor', '--password-stdin'];
    const source = spawnSync(process.execPath, [BIN, ...args], {
      input: 'a-password-1\n',
      encoding: 'utf8',
      env: { ...process.env, TRIPLICATE_CLI: 'source', LANG: 'en_US.UTF-8', LC_ALL: '' },
      timeout: 120_000,
    });
    expect(source.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND/);
    expect(source.status, source.stderr).toBe(1);
    expect(source.stderr).toMatch(/No archive was found/);
  }, 240_000);

  it('describes every command in plain data, so the build can inline the list', () => {
    expect(COMMAND_SPECS.length).toBeGreaterThan(10);
    expect(JSON.parse(JSON.stringify(COMMAND_SPECS))).toStrictEqual(COMMAND_SPECS);
  });
});
