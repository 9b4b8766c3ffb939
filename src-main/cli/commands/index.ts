/**
 * Commands contributed by features, one file each. Add yours to this list (one line) rather than
 * editing main.ts; a command that throws ArchiveError exits 1, a UsageError exits 2.
 */
import { demoCommand } from './demo';
import { journalExportCommand } from './journal-export';
import { loanListCommand, registerExportCommand } from './loans';
import { OFFLINE_COMMANDS } from './offline';
import type { Command } from './types';
import { verifyExportCommand } from './verify-export';
import { LIFECYCLE_COMMANDS } from './lifecycle';
import { RESET_COMMANDS } from './resets';
import { serveCommand } from './serve';
import { dueCommand } from './due';
import { calendarSetCommand, calendarShowCommand } from './calendar';
import { RELATIONS_COMMANDS } from './relations';
import { SETTINGS_COMMANDS } from './settings';
import { LEAD_COMMANDS } from './leads';

export const COMMANDS: readonly Command[] = [
  journalExportCommand,
  verifyExportCommand,
  demoCommand,
  loanListCommand,
  registerExportCommand,
  ...OFFLINE_COMMANDS,
  ...LIFECYCLE_COMMANDS,
  ...RESET_COMMANDS,
  serveCommand,
  dueCommand,
  calendarShowCommand,
  calendarSetCommand,
  ...RELATIONS_COMMANDS,
  ...SETTINGS_COMMANDS,
  ...LEAD_COMMANDS,
];
