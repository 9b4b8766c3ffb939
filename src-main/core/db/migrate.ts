/**
 * Numbered, append-only migrations (Signal's pattern): each runs in one transaction with the
 * version bump, so a killed process leaves the schema at one version or the next, never between.
 * A database from a newer version is refused rather than guessed at.
 */
import { ArchiveError } from '../errors';
import type { Db } from './connection';
import { MIGRATIONS } from './migrations';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
  /**
   * Run VACUUM once the migrations are done (not on a new, empty database): rewrites every page,
   * so nothing a migration's rebuild freed, nor anything freed before, stays in the file.
   */
  vacuumAfter?: boolean;
}

// Versions must rise strictly: the runner skips any migration at or below the current version, so one
// listed out of order (easy when branches each add one) would silently never run.
for (let i = 1; i < MIGRATIONS.length; i++) {
  if (MIGRATIONS[i]!.version <= MIGRATIONS[i - 1]!.version) {
    throw new Error(`migration ${MIGRATIONS[i]!.version} is listed after ${MIGRATIONS[i - 1]!.version}`);
  }
}

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function assertKnownVersion(db: Db): void {
  const found = schemaVersion(db);
  if (found > LATEST_VERSION) throw new ArchiveError('vault.newerVersion', { found, known: LATEST_VERSION });
}

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  assertKnownVersion(db);
  let current = schemaVersion(db);
  const existing = current > 0;
  let vacuum = false;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version=${migration.version}`);
    })();
    current = migration.version;
    vacuum ||= existing && migration.vacuumAfter === true;
  }
  if (vacuum) db.exec('VACUUM');
  return current;
}
