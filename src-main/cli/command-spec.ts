/**
 * What the parser and `--help` need of a contributed command, without its code: name, usage lines,
 * options and whether it unlocks. Plain data (JSON), so the CLI bundle can carry the list as it was
 * at build time and answer `--help` without loading the core (see command-specs.ts).
 */
import type { Command } from './commands/types';

export type CommandSpec = Pick<Command, 'name' | 'usage' | 'needs' | 'options'>;

export function describeCommands(commands: readonly Command[]): CommandSpec[] {
  return commands.map(({ name, usage, needs, options }) => ({ name, usage, needs, ...(options ? { options } : {}) }));
}
