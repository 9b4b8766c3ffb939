/**
 * The borrowing register (借阅登记簿) of a holding department: every card for its copies,
 * searchable by borrower, dossier, state and time, and exportable as CSV that Excel opens with
 * Chinese text intact (UTF-8 with a byte-order mark). Printing is the renderer's.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { registerQuerySchema, type LoanView } from '../../contract/loans';
import { ArchiveError } from '../errors';
import { checkOutputPath, writingToSync } from '../output-path';
import type { ChooseOutputFile } from '../output-file';
import type { Session } from '../session';
import { parseInput } from '../validate';
import * as repo from './repository';

type Query = z.output<typeof registerQuerySchema>;

function select(session: Session, q: Query): LoanView[] {
  const db = session.archive.db;
  const now = session.archive.clock.now();
  const at = now.toISOString();
  const where = ['l.department = ?'];
  const params: unknown[] = [q.department];
  if (q.borrower) {
    where.push('p.login = ? COLLATE NOCASE');
    params.push(q.borrower);
  }
  if (q.dossier) {
    where.push('d.archive_number = ?');
    params.push(q.dossier);
  }
  if (q.state === 'overdue') {
    where.push(`l.state = 'on-loan' AND l.due_at <= ?`);
    params.push(at);
  } else if (q.state === 'on-loan') {
    where.push(`l.state = 'on-loan' AND l.due_at > ?`);
    params.push(at);
  } else if (q.state) {
    where.push('l.state = ?');
    params.push(q.state);
  }
  if (q.from) {
    where.push('l.submitted_at >= ?');
    params.push(new Date(q.from).toISOString());
  }
  if (q.to) {
    where.push('l.submitted_at < ?');
    params.push(new Date(q.to).toISOString());
  }
  return repo.queryLoans(db, where.join(' AND '), params, 'l.submitted_at, l.id', q.limit).map((l) => repo.toView(db, l, now));
}

function filters(q: Query): Record<string, unknown> {
  return { department: q.department, borrower: q.borrower ?? null, dossier: q.dossier ?? null, state: q.state ?? null, from: q.from ?? null, to: q.to ?? null };
}

export async function searchRegister(session: Session, raw: unknown): Promise<LoanView[]> {
  return session.perform(
    {
      action: 'loan.register',
      object: { type: 'register', id: String((raw as { department?: unknown } | null)?.department ?? '') },
      load: (): Query => parseInput(registerQuerySchema, raw),
      target: (q) => ({ copyDepartment: q.department }),
    },
    (ctx, q) => {
      const rows = select(session, q);
      ctx.addDetails({ ...filters(q), count: rows.length });
      return rows;
    },
  );
}

const COLUMNS: [string, (l: LoanView) => string | number | null][] = [
  ['借阅卡 Card', (l) => l.card],
  ['状态 State', (l) => l.state],
  ['借阅人 Borrower', (l) => `${l.borrower.name} (${l.borrower.login})`],
  ['档案编号 Dossier', (l) => l.number],
  ['客户名称 Customer', (l) => l.customerName],
  ['密级 Secrecy', (l) => l.secrecy],
  ['副本 Copy', (l) => l.copyNumber],
  ['用途 Purpose', (l) => l.purpose],
  ['形式 Form', (l) => l.form],
  ['期限(天) Days', (l) => l.periodDays],
  ['阅读地点 Reading place', (l) => l.readingPlace],
  ['提交 Submitted', (l) => l.submittedAt],
  ['保管员批准 Custodian', (l) => (l.custodianApproval ? `${l.custodianApproval.by.name} ${l.custodianApproval.at}` : '')],
  ['部门经理批准 Manager', (l) => (l.managerApproval ? `${l.managerApproval.by.name} ${l.managerApproval.at}` : '')],
  ['借出 Starts', (l) => l.startsAt],
  ['到期 Due', (l) => l.dueAt],
  ['续借 Renewal', (l) => (l.renewal ? `${l.renewal.state} +${l.renewal.days}` : '')],
  ['结束 Ended', (l) => l.endedAt],
  ['备注 Note', (l) => l.rejectReason ?? l.endNote],
];

/** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function registerCsv(rows: readonly LoanView[]): string {
  const lines = [COLUMNS.map(([h]) => cell(h)).join(','), ...rows.map((r) => COLUMNS.map(([, f]) => cell(f(r))).join(','))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export const exportRegisterSchema = registerQuerySchema.extend({ out: z.string().min(1).max(4096), force: z.boolean().default(false) }).strict();

/** Writes the register as CSV (atomically: a temporary file renamed into place), journaled with its filters and count. */
export async function exportRegister(session: Session, raw: unknown): Promise<{ file: string; count: number }> {
  return exportRegisterTo(session, raw, null);
}

/**
 * The register export with its file chosen by `chooseOut` once the core has allowed it (the dialog
 * already asked before replacing a file). A closed dialog writes nothing: `{ file: null, count: 0 }`.
 */
export async function exportRegisterChoosing(session: Session, raw: unknown, chooseOut: ChooseOutputFile): Promise<{ file: string | null; count: number }> {
  return exportRegisterTo(session, raw, chooseOut);
}

async function exportRegisterTo(session: Session, raw: unknown, chooseOut: null): Promise<{ file: string; count: number }>;
async function exportRegisterTo(session: Session, raw: unknown, chooseOut: ChooseOutputFile | null): Promise<{ file: string | null; count: number }>;
async function exportRegisterTo(session: Session, raw: unknown, chooseOut: ChooseOutputFile | null): Promise<{ file: string | null; count: number }> {
  const schema = chooseOut ? registerQuerySchema.strict() : exportRegisterSchema;
  return session.perform(
    {
      action: 'loan.register',
      event: 'loan.registerExport',
      object: { type: 'register', id: String((raw as { department?: unknown } | null)?.department ?? '') },
      load: (): z.output<typeof registerQuerySchema> & { out?: string; force?: boolean } => parseInput(schema, raw),
      target: (q) => ({ copyDepartment: q.department }),
    },
    async (ctx, q) => {
      // The dialog's answer (it already asked before replacing a file), or the request's own path.
      const target = chooseOut ? await chooseOut().then((out) => (out === null ? null : { out, force: true })) : { out: q.out!, force: q.force === true };
      if (target === null) {
        ctx.addDetails({ ...filters(q), cancelled: 'dialog' });
        return { file: null, count: 0 };
      }
      // Never into an archive, the keyring or the state folder, whatever `force` says.
      const out = checkOutputPath(session.archive, target.out);
      if (existsSync(out) && !target.force) throw new ArchiveError('export.exists', { path: out });
      const rows = select(session, q);
      const tmp = `${out}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        writingToSync(out, () => {
          writeFileSync(tmp, registerCsv(rows), { flag: 'wx', mode: 0o600 });
          renameSync(tmp, out);
        });
      } catch (error) {
        rmSync(tmp, { force: true });
        throw error;
      }
      ctx.addDetails({ ...filters(q), count: rows.length, file: out });
      return { file: out, count: rows.length };
    },
  );
}
