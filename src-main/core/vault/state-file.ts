/**
 * One JSON file in this workstation's state folder, keyed by archive id (anchors, failed unlocks,
 * refused opens). A missing, unreadable or malformed file reads as empty: what it holds is a
 * workstation's memory, and losing it must never keep an archive from opening. Writes are atomic
 * and the folder is private to the user.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { writeFileAtomic } from './files';

export class StateFile<V> {
  readonly file: string;

  constructor(
    private readonly stateDir: string,
    name: string,
    private readonly schema: z.ZodType<Record<string, V>>,
  ) {
    this.file = join(stateDir, name);
  }

  read(): Record<string, V> {
    if (!existsSync(this.file)) return {};
    try {
      const parsed = this.schema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  write(state: Record<string, V>): void {
    mkdirSync(this.stateDir, { recursive: true, mode: 0o700 });
    writeFileAtomic(this.file, JSON.stringify(state));
  }
}
