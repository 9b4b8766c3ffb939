/**
 * Numbered migrations (architecture.md): each runs against a fresh encrypted database, leaves STRICT
 * tables with foreign keys enforced, and a failing migration leaves the schema where it was.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/core/db/connection';
import { LATEST_VERSION, migrate, schemaVersion } from '../../src-main/core/db/migrate';
import { MIGRATIONS } from '../../src-main/core/db/migrations';

const folders: string[] = [];
function freshDb(): Db {
  const folder = mkdtempSync(join(tmpdir(), 'triplicate-migrate-'));
  folders.push(folder);
  return openDatabase(join(folder, 'archive.db'), randomBytes(32), { create: true });
}
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

describe('migrations', () => {
  it('are numbered in increasing order', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(LATEST_VERSION).toBe(versions.at(-1));
  });

  for (const [index, migration] of MIGRATIONS.entries()) {
    it(`${migration.version} (${migration.name}) runs on a fresh database and leaves STRICT tables`, () => {
      const db = freshDb();
      migrate(db, MIGRATIONS.slice(0, index + 1));
      expect(schemaVersion(db)).toBe(migration.version);
      const tables = db
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'")
        .all() as { name: string; sql: string }[];
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) {
        // FTS5 shadow tables are SQLite's own and cannot be STRICT.
        if (/_(data|idx|content|docsize|config)$/.test(table.name)) continue;
        expect(table.sql, table.name).toMatch(/\)\s*STRICT/);
      }
      db.close();
    });
  }

  it('enforce foreign keys', () => {
    const db = freshDb();
    migrate(db);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      db.prepare("INSERT INTO people (id, login, name, department, rank, created_at) VALUES ('p', 'x', 'X', 'no-such-dept', 'staff', 'now')").run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('a migration that fails leaves the schema at the version before it', () => {
    const db = freshDb();
    const broken = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 10, name: 'broken', up: (d: Db) => d.exec('CREATE TABLE half (x) STRICT; SELECT * FROM missing_table;') },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get()).toBe(0);
    db.close();
  });
});
