/**
 * Commands contributed by features, one file each. Add yours to this list (one line) rather than
 * editing main.ts; a command that throws ArchiveError exits 1, a UsageError exits 2.
 */
import type { Command } from './types';

export const COMMANDS: readonly Command[] = [];
