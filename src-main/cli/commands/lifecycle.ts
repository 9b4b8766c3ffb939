/** The records-lifecycle commands (issue 16), listed once so commands/index.ts gains one line. */
import { backupCommand, restoreCommand } from './backup';
import { INCIDENT_COMMANDS } from './incidents';
import { RECORDS_COMMANDS } from './records';
import type { Command } from './types';

export const LIFECYCLE_COMMANDS: readonly Command[] = [backupCommand, restoreCommand, ...RECORDS_COMMANDS, ...INCIDENT_COMMANDS];
