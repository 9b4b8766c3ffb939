/**
 * `triplicate loan list` and `triplicate register export`: borrowing for custodians at a terminal.
 * Same core, same policy, same journal as the app: the acting person is --as, nothing else.
 */
import { resolve } from 'node:path';
import { interpolate } from '../../contract/messages';
import type { LoanView } from '../../contract/loans';
import { exportRegister, listLoans } from '../../core/loans/service';
import type { Command } from './types';

export const loanSentences = {
  en: {
    none: 'No loans.',
    header: 'CARD\tSTATE\tBORROWER\tDOSSIER\tCOPY\tDUE',
    exported: 'Exported {{count}} register lines of {{department}} to {{file}}',
  },
  'zh-CN': {
    none: '没有借阅记录。',
    header: '借阅卡\t状态\t借阅人\t档案\t副本\t到期',
    exported: '已将 {{department}} 的借阅登记簿 {{count}} 条导出到 {{file}}',
  },
};

export const loanLine = (l: LoanView) => [l.card, l.state, `${l.borrower.name}(${l.borrower.login})`, l.number, l.copyNumber, l.dueAt ?? '-'].join('\t');

export const loanListCommand: Command = {
  name: 'loan list',
  options: { overdue: { type: 'boolean' } },
  usage: {
    en: 'loan list --archive DIR --as LOGIN [--department D] [--overdue] [--json]   (without --department: your own cards)',
    'zh-CN': 'loan list --archive 目录 --as 登录名 [--department 部门] [--overdue] [--json]（不带 --department：本人的借阅卡）',
  },
  needs: 'unlocked',
  async run(ctx, session) {
    const t = loanSentences[ctx.locale];
    const department = typeof ctx.values.department === 'string' ? ctx.values.department : undefined;
    const rows = await listLoans(session!, { ...(department ? { department } : {}), overdue: ctx.values.overdue === true });
    if (ctx.values.json) return ctx.out(JSON.stringify(rows, null, 2));
    if (rows.length === 0) return ctx.out(t.none);
    ctx.out(t.header);
    for (const row of rows) ctx.out(loanLine(row));
  },
};

export const registerExportCommand: Command = {
  name: 'register export',
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  usage: {
    en: 'register export --archive DIR --as LOGIN --department D --out FILE [--force]   (borrowing register as CSV)',
    'zh-CN': 'register export --archive 目录 --as 登录名 --department 部门 --out 文件 [--force]（借阅登记簿 CSV）',
  },
  needs: 'unlocked',
  async run(ctx, session) {
    const department = ctx.need('department');
    const result = await exportRegister(session!, { department, out: resolve(ctx.need('out')), force: ctx.values.force === true });
    ctx.out(interpolate(loanSentences[ctx.locale].exported, { count: result.count, department, file: result.file }));
  },
};
