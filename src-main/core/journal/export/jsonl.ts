/** JSON Lines (https://jsonlines.org): one object per entry, keys = the export columns, text as stored. */
import type { EntryRow } from '../entry';
import { EXPORT_COLUMNS } from './manifest';
import { toEntryRow } from './row';

export function jsonlLine(row: EntryRow): string {
  return (
    JSON.stringify({
      seq: row[0],
      at: row[1],
      tz_offset: row[2],
      actor_id: row[3],
      actor_name: row[4],
      actor_duty: row[5],
      workstation: row[6],
      event: row[7],
      object_type: row[8],
      object_id: row[9],
      outcome: row[10],
      reason: row[11],
      details: row[12],
      prev_hash: row[13],
      hash: row[14],
    }) + '\n'
  );
}

/** A line back into a row; null when it is not JSON or not a journal row. */
export function jsonlToRow(line: string): EntryRow | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  // A missing key is not the same as null: the writer always writes every key.
  for (const key of EXPORT_COLUMNS) if (!(key in o)) return null;
  return toEntryRow(EXPORT_COLUMNS.map((key) => o[key]));
}
