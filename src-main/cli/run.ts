/** Runs the CLI as a process: the guards first (Ctrl+C, closed pipes), then the command. */
import { main } from './main';
import { installProcessGuards } from './process-guards';

export async function runCli(argv: string[]): Promise<number> {
  installProcessGuards();
  return main(argv);
}
