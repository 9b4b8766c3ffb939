/** Archive settings, stored as JSON values in the encrypted database. */
import { archiveSettingsSchema, type ArchiveSettings, type SettingsUpdate } from '../../contract/settings';
import type { Db } from '../db/connection';
import type { Session } from '../session';
import { forgetRules, recomputeCadence } from '../due/relationships';
import { checkSettingsUpdate } from './validate';

export function readSettings(db: Db): ArchiveSettings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const row of rows) stored[row.key] = JSON.parse(row.value);
  const parsed = archiveSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : archiveSettingsSchema.parse({});
}

export async function getSettings(session: Session): Promise<ArchiveSettings> {
  return session.perform({ action: 'settings.read' }, () => readSettings(session.archive.db));
}

export async function updateSettings(session: Session, raw: unknown): Promise<ArchiveSettings> {
  return session.perform({ action: 'settings.update', object: { type: 'settings', id: 'archive' } }, (ctx) => {
    const update = checkSettingsUpdate(raw);
    const db = session.archive.db;
    const before = readSettings(db);
    const after = mergeSettings(before, update);
    // Each changed setting with its old and new value, for the auditors reading the journal.
    const changes = settingChanges(before, after);
    return ctx.commit(
      () => {
        const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
        for (const [key, value] of Object.entries(update)) if (value !== undefined) upsert.run(key, JSON.stringify(after[key as keyof ArchiveSettings]));
        // The cadence state of every key person was worked out under the old numbers.
        forgetRules(db);
        if (update.contactCadence) recomputeCadence(db);
        return readSettings(db);
      },
      { changes, before, update },
    );
  });
}

/**
 * The settings after a change: an object setting (the working calendar, the cadence numbers) keeps
 * the fields the change leaves out, so changing the holidays does not reset the weekend.
 */
export function mergeSettings(before: ArchiveSettings, update: SettingsUpdate): ArchiveSettings {
  const merged: Record<string, unknown> = { ...before };
  for (const [key, value] of Object.entries(update)) {
    if (value === undefined) continue;
    const old = merged[key];
    const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    merged[key] = isObject(old) && isObject(value) ? { ...(old as object), ...(value as object) } : value;
  }
  return archiveSettingsSchema.parse(merged);
}

/** The settings whose value differs, each with its old and new value. */
export function settingChanges(before: ArchiveSettings, after: ArchiveSettings): Record<string, { old: unknown; new: unknown }> {
  const out: Record<string, { old: unknown; new: unknown }> = {};
  for (const key of Object.keys(after) as (keyof ArchiveSettings)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = { old: before[key], new: after[key] };
  }
  return out;
}
