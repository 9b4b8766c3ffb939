/**
 * Runs the CLI as a process: the guards first (Ctrl+C, closed pipes), then the command line. Help
 * and bad usage are answered from the commands' descriptions alone; main.ts (the core, the native
 * addons, every command's code) loads only when a command runs, so `triplicate --help` starts in
 * little more than Node's own time (cli_help_s).
 */
import { processIo, readCommandLine } from './command-line';
import { COMMAND_SPECS } from './command-specs';
import { installProcessGuards } from './process-guards';

type MainModule = typeof import('./main');

/**
 * loadMain: how the commands' module is loaded. The default `import()` is what the bundlers split
 * on (cli-bundle.ts, electron-vite). bin.cjs running the sources through tsx/cjs passes a
 * `require`: tsx/cjs hooks require only, and Node's ESM resolver cannot find './main' without `.ts`.
 */
export async function runCli(argv: string[], loadMain: () => Promise<MainModule> = () => import('./main')): Promise<number> {
  installProcessGuards();
  const line = readCommandLine(argv, COMMAND_SPECS, processIo);
  if ('exit' in line) return line.exit;
  const { main } = await loadMain();
  return main(argv, processIo);
}
