/** The installed app's `--cli` switch (src-main/index.ts): what follows it is the CLI's, and nothing else counts. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliArguments, reportExitCode } from '../../src-main/app/cli-switch';

describe('--cli', () => {
  it('hands the CLI everything after the first --cli, packaged or in development', () => {
    expect(cliArguments(['/opt/Triplicate/triplicate', '--cli', 'journal', 'verify', '--archive', 'a'])).toEqual(['journal', 'verify', '--archive', 'a']);
    expect(cliArguments(['electron', '.', '--ozone-platform=headless', '--cli', '--help'])).toEqual(['--help']);
    expect(cliArguments(['triplicate', '--cli', 'verify-export', '--cli'])).toEqual(['verify-export', '--cli']);
  });

  it('is the app (a window) without it', () => {
    expect(cliArguments(['/opt/Triplicate/triplicate'])).toBeNull();
    expect(cliArguments(['/opt/Triplicate/triplicate', 'offline.tpkg'])).toBeNull();
  });
});

describe('the Windows console shim', () => {
  const shim = readFileSync(join(__dirname, '../../src-main/cli/launchers/triplicate-cli.cmd'), 'utf8');

  it('streams the output without paging and hands back the exit code the app reports', () => {
    expect(
      shim
        .split('\n')
        .slice(0, -1)
        .every((line) => line.endsWith('\r')),
    ).toBe(true); // cmd needs CRLF
    expect(shim).toMatch(/--cli %\* 2>&1 \| findstr "\^"/);
    expect(shim).not.toMatch(/\|\s*more\b/);
    expect(shim).toMatch(/set "TRIPLICATE_CLI_EXIT_FILE=%TEMP%\\/);
    expect(shim).toMatch(/set \/p CODE=<"%TRIPLICATE_CLI_EXIT_FILE%"/);
    expect(shim).toMatch(/exit \/b %CODE%/);
  });

  it('the app writes its exit code where the shim looks, and nowhere without the shim', () => {
    const dir = mkdtempSync(join(tmpdir(), 'triplicate-exit-'));
    try {
      const file = join(dir, 'code.exit');
      reportExitCode(130, { TRIPLICATE_CLI_EXIT_FILE: file });
      expect(readFileSync(file, 'utf8')).toBe('130\r\n');
      const writes: string[] = [];
      reportExitCode(2, {}, (f) => writes.push(f));
      expect(writes).toEqual([]);
      // A file that cannot be written never turns into a crash of the command.
      expect(() => reportExitCode(1, { TRIPLICATE_CLI_EXIT_FILE: join(dir, 'missing', 'x') })).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
