/** Archive settings, stored as JSON values in the encrypted database. */
import { archiveSettingsSchema, settingsUpdateSchema, type ArchiveSettings } from '../../contract/settings';
import type { Db } from '../db/connection';
import type { Session } from '../session';
import { parseInput } from '../validate';
import { forgetRules, recomputeCadence } from '../due/relationships';

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
    const update = parseInput(settingsUpdateSchema, raw);
    const db = session.archive.db;
    const before = readSettings(db);
    return ctx.commit(
      () => {
        const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
        for (const [key, value] of Object.entries(update)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
        // The cadence state of every key person was worked out under the old numbers.
        forgetRules(db);
        if (update.contactCadence) recomputeCadence(db);
        return readSettings(db);
      },
      { before, update },
    );
  });
}
