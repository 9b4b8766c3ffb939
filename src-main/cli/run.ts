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
  const { main } = await import('./main');
  return main(argv, processIo);
}
