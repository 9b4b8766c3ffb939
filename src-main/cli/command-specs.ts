/**
 * The contributed commands as the parser sees them. Read from the commands themselves here; the
 * CLI bundle replaces this module with the same list evaluated at build time (electron.vite.config.ts,
 * bundleCli), so `triplicate --help` never loads the commands' code: the core, the native addons,
 * zod and exceljs load only when a command runs (cli_help_s).
 */
import { describeCommands, type CommandSpec } from './command-spec';
import { COMMANDS } from './commands';

export const COMMAND_SPECS: readonly CommandSpec[] = describeCommands(COMMANDS);
