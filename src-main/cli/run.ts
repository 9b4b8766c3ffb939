/**
 * Runs the CLI as a process: the guards first (Ctrl+C, closed pipes), then the command line. Help
 * and bad usage are answered from the commands' descriptions alone; main.ts (the core, the native
 * addons, every command's code) loads only when a command runs, so `triplicate --help` starts in
 * little more than Node's own time (cli_help_s).
 */
import { processIo, readCommandLine } from './command-line';
import { COMMAND_SPECS } from './command-specs';
import { installProcessGuards } from './process-guards';

export async function runCli(argv: string[]): Promise<number> {
  installProcessGuards();
  const line = readCommandLine(argv, COMMAND_SPECS, processIo);
  if ('exit' in line) return line.exit;
  // require, not import(): under tsx (a development checkout, the tests) a dynamic import goes
  // through Node's ESM resolver, which finds no ./main without its extension. The bundle turns
  // this into a require of cli-commands.js either way.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  const { main } = require('./main') as typeof import('./main');
  return main(argv, processIo);
}
