/**
 * `triplicate loan list` and `triplicate register export`: borrowing for custodians at a terminal.
 * Same core, same policy, same journal as the app: the acting person is --as, nothing else.
 */
import { resolve } from 'node:path';
import { interpolate } from '../../contract/messages';
import type { LoanView } from '../../contract/loans';
import { exportRegister, listLoans } from '../../core/loans/service';
import { commandSentences } from '../../contract/texts/cli-commands';
import { usageOf } from '../../contract/texts/cli-usage';
import type { Command } from './types';

export const loanSentences = commandSentences('loans');

export const loanLine = (l: LoanView) => [l.card, l.state, `${l.borrower.name}(${l.borrower.login})`, l.number, l.copyNumber, l.dueAt ?? '-'].join('\t');

export const loanListCommand: Command = {
  name: 'loan list',
  options: { overdue: { type: 'boolean' } },
  usage: usageOf('loan list'),
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
  usage: usageOf('register export'),
  needs: 'unlocked',
  async run(ctx, session) {
    const department = ctx.need('department');
    const result = await exportRegister(session!, { department, out: resolve(ctx.need('out')), force: ctx.values.force === true });
    ctx.out(interpolate(loanSentences[ctx.locale].exported, { count: result.count, department, file: result.file }));
  },
};
