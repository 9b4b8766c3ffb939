/**
 * Exporting the journal for auditors: filtered, streamed a page at a time into CSV, XLSX or JSON
 * Lines, with a signed manifest beside it (manifest.ts explains the proof). The export is itself
 * a journal entry (`journal.export`: format, filters, count), written by `session.perform`.
 *
 * Files appear complete or not at all: rows go to a temporary file beside the target, which is
 * renamed into place after the manifest is written; a cancel or failure removes both.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../vault/files';
import { checkOutputPath, writingToSync } from '../../output-path';
import { ArchiveError } from '../../errors';
import type { ChooseOutputFile } from '../../output-file';
import type { Session } from '../../session';
import { parseInput } from '../../validate';
import type { Db } from '../../db/connection';
import { CHAIN_TEXT_SQL, ENTRY_COLUMNS } from '../entry';
import { resolveFilter, type JournalFilter } from '../filter';
import { pagePlan, queryRows } from '../query';
import {
  EntryIndex,
  EXPORT_COLUMNS,
  EXPORT_FORMATS,
  manifestFileBytes,
  manifestMessage,
  manifestPath,
  MANIFEST_KIND,
  type ExportFormat,
  type Manifest,
  type SignedManifest,
} from './manifest';
import { LinkCheck } from './link-check';
import { CsvPages } from './pages';
import { openSink } from './sinks';
import { XLSX_MAX_ROWS } from './xlsx-notes';

export interface ExportProgress {
  written: number;
  total: number;
}

export interface ExportRequest {
  format: ExportFormat;
  /** Where to write; the manifest goes to `<out>.manifest.json`. */
  out: string;
  /** As `journalFilterSchema` (from, to, person, actorId, object, event, outcome). */
  filters?: unknown;
  /** Replace an existing file instead of refusing. */
  force?: boolean;
}

export interface ExportHooks {
  onProgress?: (progress: ExportProgress) => void;
  signal?: AbortSignal;
  /** Rows per XLSX worksheet, header included: Excel's limit unless a test injects a smaller one. */
  xlsxMaxRows?: number;
}

export interface ExportResult {
  file: string;
  manifestFile: string;
  count: number;
  firstSeq: number | null;
  lastSeq: number | null;
  chainHead: { seq: number; hash: string };
  fingerprint: string;
}

const optionsSchema = z.object({ format: z.enum(EXPORT_FORMATS), filters: z.unknown().optional() });
const targetSchema = z.object({ out: z.string().trim().min(1).max(4096), force: z.boolean().optional() });

const PAGE = 5000;

export async function exportJournal(session: Session, raw: ExportRequest, hooks: ExportHooks = {}): Promise<ExportResult> {
  return (await exportJournalTo(session, raw, null, hooks))!;
}

/**
 * The export, its file chosen by `chooseOut` once the core has allowed it (the dialog's answer
 * replaces `out`, and the dialog already asked before replacing a file). null: the dialog was closed.
 */
export async function exportJournalChoosing(
  session: Session,
  raw: Omit<ExportRequest, 'out' | 'force'>,
  chooseOut: ChooseOutputFile,
  hooks: ExportHooks = {},
): Promise<ExportResult | null> {
  return exportJournalTo(session, raw, chooseOut, hooks);
}

async function exportJournalTo(
  session: Session,
  raw: Partial<ExportRequest>,
  chooseOut: ChooseOutputFile | null,
  hooks: ExportHooks,
): Promise<ExportResult | null> {
  const format = typeof raw?.format === 'string' ? raw.format : null;
  return session.perform({ action: 'journal.export', details: { format } }, async (ctx) => {
    const request = parseInput(optionsSchema, raw);
    const archive = session.archive;
    const filter = resolveFilter(archive.db, request.filters);
    ctx.addDetails({ format: request.format, filters: filter });

    const target = chooseOut ? await chooseOut().then((out) => (out === null ? null : { out, force: true })) : parseInput(targetSchema, raw);
    if (target === null) {
      ctx.addDetails({ cancelled: 'dialog' });
      return null;
    }
    // Never into an archive, the keyring or the state folder, whatever `force` says.
    const out = checkOutputPath(archive, target.out);
    const sidecar = checkOutputPath(archive, manifestPath(out));
    if (!target.force) {
      for (const path of [out, sidecar]) if (existsSync(path)) throw new ArchiveError('export.exists', { path });
    }

    // A signed checkpoint at the head fixes the prefix this export is taken from.
    const head = archive.journal.checkpoint(session.actor.id);
    if (!head) throw new ArchiveError('internal');
    // The exporting person's own key: on the archive server other people sign in the same process.
    const signer = archive.signerFor(session.actor.id);
    const total = countMatching(archive.db, filter, head.seq);
    // Excel and WPS stop at 1,048,576 rows a sheet: refuse before writing, naming CSV or a narrower filter.
    const xlsxMaxRows = hooks.xlsxMaxRows ?? XLSX_MAX_ROWS;
    if (request.format === 'xlsx' && total > xlsxMaxRows - 1) throw new ArchiveError('export.tooManyRows', { count: total, limit: xlsxMaxRows - 1 });

    const suffix = `.partial-${randomBytes(6).toString('hex')}`;
    const partial = join(dirname(out), `.${basename(out)}${suffix}`);
    const partialManifest = join(dirname(out), `.${basename(sidecar)}${suffix}`);
    const sink = writingToSync(out, () => openSink(request.format, partial, { xlsxMaxRows }));
    const index = new EntryIndex();
    const links = new LinkCheck(archive.db, archive.archiveId, head.seq);
    try {
      hooks.onProgress?.({ written: 0, total });
      // Each row also carries SQLite's text of its hash input (entry.ts, CHAIN_TEXT_SQL) for LinkCheck.
      const columns = `${ENTRY_COLUMNS}, ${CHAIN_TEXT_SQL}`;
      const fast = request.format === 'csv' && sink.writeEncoded ? new CsvPages(archive.db, filter, head.seq) : null;
      // Pages by key, never holding a statement open across an await (query.ts allRows explains).
      let afterSeq = 0;
      for (;;) {
        if (hooks.signal?.aborted) throw new ArchiveError('export.cancelled');
        let read: number;
        const page = fast?.read(afterSeq, PAGE);
        const encoded = page && fast!.encode(page, links);
        if (page && encoded) {
          links.accept(page.lastSeq!, page.hashes.slice(-64));
          index.addMany(encoded.seqs, page.count, page.hashes);
          await sink.writeEncoded!(encoded.csv);
          read = page.count;
          afterSeq = page.lastSeq!;
        } else {
          // The row path: the same rows (the fast page's, if there was one), proved one by one.
          const rows = queryRows(archive.db, filter, afterSeq, page ? page.count : PAGE, page?.lastSeq ?? head.seq, columns);
          for (const row of rows) {
            links.check(row);
            index.add(row[0], row[14]!);
          }
          if (rows.length) await sink.write(rows);
          read = rows.length;
          afterSeq = rows.length ? rows[rows.length - 1]![0] : afterSeq;
        }
        hooks.onProgress?.({ written: index.count, total });
        if (read < PAGE) break;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      links.finish();
      if (hooks.signal?.aborted) throw new ArchiveError('export.cancelled');
      await sink.finish();

      const manifest: Manifest = {
        kind: MANIFEST_KIND,
        version: 1,
        archiveId: archive.archiveId,
        format: request.format,
        file: basename(out),
        createdAt: archive.clock.now().toISOString(),
        exportedBy: { id: session.actor.id, login: session.actor.login, name: session.actor.name },
        filters: filter as Record<string, unknown>,
        columns: [...EXPORT_COLUMNS],
        count: index.count,
        firstSeq: index.firstSeq,
        lastSeq: index.lastSeq,
        chainHead: head,
        key: { publicKey: signer.publicKey.toString('base64'), fingerprint: signer.fingerprint },
        entries: index.toJson(),
        headSignatures: headSignatures(archive.db, head.seq, head.hash),
      };
      const signed: SignedManifest = { manifest, signature: signer.sign(manifestMessage(manifest)) };
      writeFileAtomic(partialManifest, manifestFileBytes(signed));
      renameSync(partialManifest, sidecar);
      renameSync(partial, out);
    } catch (error) {
      await sink.abort();
      rmSync(partialManifest, { force: true });
      throw error;
    }

    ctx.addDetails({ count: index.count, firstSeq: index.firstSeq, lastSeq: index.lastSeq, file: basename(out), chainHead: head.seq });
    return {
      file: out,
      manifestFile: sidecar,
      count: index.count,
      firstSeq: index.firstSeq,
      lastSeq: index.lastSeq,
      chainHead: { seq: head.seq, hash: head.hash },
      fingerprint: signer.fingerprint,
    };
  });
}

/** For the progress bar only. */
function countMatching(db: Db, filter: JournalFilter, maxSeq: number): number {
  // Unfiltered, the chain numbers entries 1..maxSeq (LinkCheck fails the export otherwise), so
  // there is no need to walk the whole table to count them.
  if (Object.values(filter).every((v) => v === undefined)) return maxSeq;
  // Counted the way pages are read (time blocks, dossier stretches): one plain count(*) would walk
  // the whole table for a time or dossier filter.
  const plan = pagePlan(db, filter, 0, maxSeq);
  const count = db.prepare(`SELECT count(*) FROM journal WHERE ${plan.where}`).pluck();
  let n = 0;
  for (const params of plan.segments()) n += count.get(...params) as number;
  return n;
}

/** Everyone's signatures over the export's head (issue 12), with the public key each was made with. */
function headSignatures(db: Db, seq: number, hash: string): NonNullable<Manifest['headSignatures']> {
  return (
    db
      .prepare(
        `SELECT h.signer_id AS signer, h.role, h.at, h.signature, k.public_key AS key
         FROM journal_heads h JOIN person_keys k ON k.person_id = h.signer_id
         WHERE h.seq = ? AND h.head_hash = ? ORDER BY h.id`,
      )
      .all(seq, hash) as { signer: string; role: 'session' | 'audit'; at: string; signature: string; key: Buffer }[]
  ).map(({ key, ...rest }) => ({ ...rest, publicKey: key.toString('base64') }));
}
