/**
 * Saving the page on screen as a PDF file. The decision is the export's own (whoever may export a
 * register, a report or the destruction record may save its printout), taken before the save
 * dialog opens; the file is written whole or not at all, and the journal names the document and
 * the file like every export.
 */
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { PRINT_REQUESTS, type PdfDocument } from '../../contract/ipc-print';
import { ArchiveError } from '../errors';
import type { ChooseOutputFile } from '../output-file';
import { checkOutputPath, writingToSync } from '../output-path';
import type { Action, PolicyTarget } from '../policy';
import type { Session } from '../session';
import { parseInput } from '../validate';

/** Renders the page on screen as PDF bytes (Electron's printToPDF); absent where no window exists. */
export type RenderPdf = () => Promise<Buffer>;

type PdfRequest = z.output<(typeof PRINT_REQUESTS)['print:pdf']>;

/** The export each printout stands for: the same action, so the same people may save it. */
const ACTIONS: Record<PdfDocument, Action> = {
  register: 'loan.register',
  report: 'journal.export',
  destructionRecord: 'destruction.list',
};

function targetFor(request: PdfRequest): PolicyTarget {
  if (request.document !== 'register') return {};
  if (!request.department) throw new ArchiveError('input.invalid', { detail: 'department' });
  return { copyDepartment: request.department };
}

export function pdfFileName(document: PdfDocument, now: Date): string {
  return `${document}-${now.toISOString().slice(0, 10).replace(/-/g, '')}.pdf`;
}

export async function savePrintoutAsPdf(
  session: Session,
  raw: unknown,
  chooseOut: ChooseOutputFile,
  render: RenderPdf | undefined,
): Promise<{ file: string | null; bytes: number }> {
  // The action follows the document asked for; a request naming none fails validation in `load`
  // and is journaled under the strictest of them.
  const asked = (raw as { document?: unknown } | null)?.document;
  const action = typeof asked === 'string' && asked in ACTIONS ? ACTIONS[asked as PdfDocument] : 'journal.export';
  return session.perform(
    {
      action,
      event: 'print.pdf',
      load: () => parseInput(PRINT_REQUESTS['print:pdf'], raw),
      target: targetFor,
    },
    async (ctx, request) => {
      ctx.addDetails({ document: request.document, ...(request.department ? { department: request.department } : {}) });
      if (!render) throw new ArchiveError('print.unavailable');
      const chosen = await chooseOut();
      if (chosen === null) {
        ctx.addDetails({ cancelled: 'dialog' });
        return { file: null, bytes: 0 };
      }
      const out = checkOutputPath(session.archive, chosen);
      const pdf = await render().catch((error: unknown) => {
        throw new ArchiveError('print.failed', { detail: error instanceof Error ? error.message.slice(0, 200) : 'render' });
      });
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new ArchiveError('print.failed', { detail: 'not a PDF' });
      const tmp = `${out}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        writingToSync(out, () => {
          writeFileSync(tmp, pdf, { flag: 'wx', mode: 0o600 });
          // The dialog already asked before replacing a file.
          if (existsSync(out)) rmSync(out);
          renameSync(tmp, out);
        });
      } catch (error) {
        rmSync(tmp, { force: true });
        throw error;
      }
      ctx.addDetails({ file: out, bytes: pdf.length });
      return { file: out, bytes: pdf.length };
    },
  );
}
