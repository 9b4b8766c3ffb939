/**
 * The destruction record (销毁清册) as CSV for auditors: UTF-8 with a BOM so Excel reads the
 * Chinese, one line per destruction, written atomically. Journaled like any read of the record.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { ArchiveError } from '../errors';
import type { Session } from '../session';
import type { ChooseOutputFile } from '../output-file';
import { writeFileAtomic } from '../vault/files';
import { parseInput } from '../validate';
import { readDestructionRecord } from './destruction';

const exportSchema = z.object({ out: z.string().min(1).max(4096), force: z.boolean().default(false) }).strict();

const HEADER = [
  '序号 No.',
  '档案编号 Number',
  '客户名称 Customer',
  '副本 Copies',
  '修订数 Revisions',
  'SHA-256',
  '申请人 Requested by',
  '批准人 Approved by',
  '销毁人 Destroyed by',
  '销毁时间 Destroyed at',
];

function cell(value: string | number): string {
  const text = String(value);
  // A leading = + - @ would be a formula in Excel; quote everything and neutralise those.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export async function exportDestructionRecord(session: Session, raw: unknown): Promise<{ file: string; lines: number }> {
  return exportTo(session, raw, null) as Promise<{ file: string; lines: number }>;
}

/** The same, into the file main's save dialog picks once the core has allowed it; null when it was closed. */
export async function exportDestructionRecordChoosing(session: Session, chooseOut: ChooseOutputFile): Promise<{ file: string; lines: number } | null> {
  return exportTo(session, {}, chooseOut);
}

async function exportTo(session: Session, raw: unknown, chooseOut: ChooseOutputFile | null): Promise<{ file: string; lines: number } | null> {
  return session.perform({ action: 'destruction.list', event: 'destruction.export' }, async (ctx) => {
    // The dialog already asked before replacing a file.
    const chosen = chooseOut ? await chooseOut() : undefined;
    if (chosen === null) {
      ctx.addDetails({ cancelled: 'dialog' });
      return null;
    }
    const input = chosen !== undefined ? { out: chosen, force: true } : parseInput(exportSchema, raw);
    if (existsSync(input.out) && !input.force) throw new ArchiveError('backup.fileExists', { path: input.out });
    const lines = readDestructionRecord(session.archive.db);
    const rows = [HEADER.map(cell).join(',')];
    for (const l of lines) {
      rows.push(
        [l.id, l.number, l.customerName, l.copies.join(' '), l.revisions, l.contentSha256, l.requestedBy, l.approvers.join('、'), l.destroyedBy, l.destroyedAt]
          .map(cell)
          .join(','),
      );
    }
    writeFileAtomic(input.out, '\ufeff' + rows.join('\r\n') + '\r\n');
    ctx.addDetails({ file: basename(input.out), lines: lines.length });
    return { file: input.out, lines: lines.length };
  });
}
