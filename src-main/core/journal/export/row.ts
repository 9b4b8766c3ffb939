/** Turning a line's cells back into the chain's row, checking every type the hash depends on. */
import { rowHash, type EntryRow } from '../entry';

const OUTCOMES: readonly string[] = ['ok', 'denied', 'error'];
/** Columns that may be null in the journal table (0020-journal.ts). */
const NULLABLE = new Set([3, 4, 5, 8, 9, 11]);

/**
 * `values` in `EXPORT_COLUMNS` order; integers as numbers or digit strings (a spreadsheet may hold
 * either), text as strings, absent values as null. Null when the line cannot be a journal row.
 */
export function toEntryRow(values: readonly unknown[]): EntryRow | null {
  if (values.length !== 15) return null;
  const seq = integer(values[0]);
  const tz = integer(values[2]);
  if (seq === null || seq < 1 || tz === null) return null;
  const out: unknown[] = [seq, values[1], tz];
  for (let i = 3; i < 15; i++) {
    const v = values[i] ?? null;
    if (v === null) {
      if (!NULLABLE.has(i)) return null;
    } else if (typeof v !== 'string') return null;
    out.push(v);
  }
  if (typeof out[1] !== 'string' || !OUTCOMES.includes(out[10] as string)) return null;
  return out as EntryRow;
}

function integer(v: unknown): number | null {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : null;
  if (typeof v === 'string' && /^-?\d{1,15}$/.test(v)) return Number(v);
  return null;
}

/** A line's identity: its recomputed chain hash, if its own `hash` column agrees (else it is not a signed entry). */
export function rowIdentity(row: EntryRow | null): string | null {
  if (!row) return null;
  const hash = rowHash(row);
  return hash === row[14] ? hash : null;
}
