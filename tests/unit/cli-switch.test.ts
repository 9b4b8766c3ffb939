/** The installed app's `--cli` switch (src-main/index.ts): what follows it is the CLI's, and nothing else counts. */
import { describe, expect, it } from 'vitest';
import { cliArguments } from '../../src-main/app/cli-switch';

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
