/** How journal values are written on screen and on paper. */
import type { JournalEntryView } from '../../../src-main/contract/ipc-journal';

/** The time on the workstation's wall when the entry was written, with its offset: 2026-01-05 09:30:00 +08:00. */
export function localTime(at: string, tzOffset: number): string {
  const local = new Date(Date.parse(at) + tzOffset * 60_000);
  const sign = tzOffset < 0 ? '-' : '+';
  const abs = Math.abs(tzOffset);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${local.toISOString().slice(0, 19).replace('T', ' ')} ${offset}`;
}

export function objectLabel(entry: Pick<JournalEntryView, 'objectType' | 'objectId'>): string {
  return entry.objectType ? `${entry.objectType} ${entry.objectId ?? ''}`.trim() : '—';
}

/** Details are canonical JSON text; shown indented, or as they are if they do not parse. */
export function prettyDetails(details: string): string {
  try {
    return JSON.stringify(JSON.parse(details), null, 2);
  } catch {
    return details;
  }
}

/** A fingerprint in groups of four, as people read it aloud to compare. */
export function groupedFingerprint(fp: string): string {
  return fp.replace(/(.{4})(?=.)/g, '$1 ');
}
