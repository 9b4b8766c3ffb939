/**
 * `triplicate hold …` and `triplicate destruction …`: legal holds and destruction at a terminal
 * (issue 16, points 2 and 3). Same core, policy and journal as the app; the acting person is --as.
 */
import { resolve } from 'node:path';
import { interpolate } from '../../contract/messages';
import type { DestructionRequestView, HoldView } from '../../contract/records';
import { approveDestruction, destructionRecord, listDestructionRequests, rejectDestruction, requestDestruction } from '../../core/records/destruction';
import { listHolds, releaseHold, setHold } from '../../core/records/holds';
import { exportDestructionRecord } from '../../core/records/record-export';
import { decideRetention, retentionDue } from '../../core/records/retention';
import { UsageError } from '../usage';
import type { Command, CommandContext } from './types';

const sentences = {
  en: {
    holdSet: 'Legal hold {{id}} "{{name}}" set.',
    holdReleased: 'Legal hold {{id}} "{{name}}" released.',
    requested: 'Destruction of {{number}} requested (request {{id}}); approvals needed from: {{departments}}.',
    decided: 'Request {{id}} for {{number}} is now {{state}}.',
    exported: 'Destruction record ({{lines}} lines) written to {{file}}.',
    retained: '{{number}}: {{decision}}.',
    none: '(none)',
  },
  'zh-CN': {
    holdSet: '已设置法律保全 {{id}}“{{name}}”。',
    holdReleased: '已解除法律保全 {{id}}“{{name}}”。',
    requested: '已申请销毁 {{number}}（申请 {{id}}），需以下部门批准：{{departments}}。',
    decided: '档案 {{number}} 的销毁申请 {{id}} 现为：{{state}}。',
    exported: '销毁清册（{{lines}} 条）已写入 {{file}}。',
    retained: '{{number}}：{{decision}}。',
    none: '（无）',
  },
};

function id(ctx: CommandContext): number {
  const value = Number(ctx.need('id'));
  if (!Number.isInteger(value) || value < 1) throw new UsageError('--id: a positive whole number');
  return value;
}

const holdLine = (h: HoldView) =>
  [h.id, h.name, h.customer ?? '-', h.numbers.join(',') || '-', h.setBy.login, h.setAt, h.released ? `released ${h.released.at}` : 'active'].join('\t');
const requestLine = (r: DestructionRequestView) =>
  [
    r.id,
    r.number,
    r.customerName,
    r.state,
    r.requestedBy.login,
    r.departments.join(','),
    r.decisions.map((d) => `${d.department}:${d.decision}`).join(',') || '-',
  ].join('\t');

export const RECORDS_COMMANDS: readonly Command[] = [
  {
    name: 'retention due',
    usage: {
      en: 'retention due --archive DIR --as MANAGER [--json]   (end of retention; three years without interaction)',
      'zh-CN': 'retention due --archive 目录 --as 部门经理 [--json]（保管期满；三年未互动）',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const rows = await retentionDue(session!);
      if (ctx.values.json) return ctx.out(JSON.stringify(rows, null, 2));
      if (rows.length === 0) return ctx.out(sentences[ctx.locale].none);
      for (const r of rows) ctx.out([r.number, r.customerName, r.grade, r.reason, r.lastInteraction, r.retentionEnds, r.held ? 'HELD' : '-'].join('\t'));
    },
  },
  {
    name: 'retention decide',
    options: { number: { type: 'string' }, decision: { type: 'string' }, until: { type: 'string' }, reason: { type: 'string' } },
    usage: {
      en: 'retention decide --archive DIR --as MANAGER --number N --decision keep|archive|destroy [--until DATE] [--reason R]',
      'zh-CN': 'retention decide --archive 目录 --as 部门经理 --number 档案编号 --decision keep|archive|destroy [--until 日期] [--reason 原因]',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const v = ctx.values;
      const r = await decideRetention(session!, {
        number: ctx.need('number'),
        decision: ctx.need('decision'),
        ...(typeof v.until === 'string' ? { until: v.until } : {}),
        ...(typeof v.reason === 'string' ? { reason: v.reason } : {}),
      });
      ctx.out(interpolate(sentences[ctx.locale].retained, { number: r.number, decision: r.decision }));
    },
  },
  {
    name: 'hold set',
    options: { reason: { type: 'string' }, dossier: { type: 'string', multiple: true }, customer: { type: 'string' } },
    usage: {
      en: 'hold set --archive DIR --as LOGIN --name N --reason R [--dossier NUMBER]... [--customer NAME]   (legal hold)',
      'zh-CN': 'hold set --archive 目录 --as 登录名 --name 名称 --reason 原因 [--dossier 档案编号]... [--customer 客户名称]（法律保全）',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const numbers = (ctx.values.dossier as string[] | undefined) ?? [];
      const customer = typeof ctx.values.customer === 'string' ? ctx.values.customer : undefined;
      const hold = await setHold(session!, { name: ctx.need('name'), reason: ctx.need('reason'), numbers, ...(customer ? { customer } : {}) });
      ctx.out(interpolate(sentences[ctx.locale].holdSet, { id: hold.id, name: hold.name }));
    },
  },
  {
    name: 'hold release',
    options: { id: { type: 'string' } },
    usage: { en: 'hold release --archive DIR --as LOGIN --id N', 'zh-CN': 'hold release --archive 目录 --as 登录名 --id 编号' },
    needs: 'unlocked',
    async run(ctx, session) {
      const hold = await releaseHold(session!, { id: id(ctx) });
      ctx.out(interpolate(sentences[ctx.locale].holdReleased, { id: hold.id, name: hold.name }));
    },
  },
  {
    name: 'hold list',
    usage: { en: 'hold list --archive DIR --as LOGIN [--json]', 'zh-CN': 'hold list --archive 目录 --as 登录名 [--json]' },
    needs: 'unlocked',
    async run(ctx, session) {
      const holds = await listHolds(session!);
      if (ctx.values.json) return ctx.out(JSON.stringify(holds, null, 2));
      if (holds.length === 0) return ctx.out(sentences[ctx.locale].none);
      for (const h of holds) ctx.out(holdLine(h));
    },
  },
  {
    name: 'destruction request',
    options: { number: { type: 'string' }, reason: { type: 'string' } },
    usage: {
      en: 'destruction request --archive DIR --as CUSTODIAN --number NUMBER --reason R',
      'zh-CN': 'destruction request --archive 目录 --as 保管员 --number 档案编号 --reason 原因',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const r = await requestDestruction(session!, { number: ctx.need('number'), reason: ctx.need('reason') });
      ctx.out(interpolate(sentences[ctx.locale].requested, { number: r.number, id: r.id, departments: r.departments.join(', ') }));
    },
  },
  ...(['approve', 'reject'] as const).map((verb): Command => ({
    name: `destruction ${verb}`,
    options: { id: { type: 'string' }, note: { type: 'string' } },
    usage: {
      en: `destruction ${verb} --archive DIR --as MANAGER --id N [--note TEXT]`,
      'zh-CN': `destruction ${verb} --archive 目录 --as 部门经理 --id 编号 [--note 意见]`,
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const input = { id: id(ctx), note: typeof ctx.values.note === 'string' ? ctx.values.note : '' };
      const r = verb === 'approve' ? await approveDestruction(session!, input) : await rejectDestruction(session!, input);
      ctx.out(interpolate(sentences[ctx.locale].decided, { id: r.id, number: r.number, state: r.state }));
    },
  })),
  {
    name: 'destruction list',
    usage: { en: 'destruction list --archive DIR --as LOGIN [--json]', 'zh-CN': 'destruction list --archive 目录 --as 登录名 [--json]' },
    needs: 'unlocked',
    async run(ctx, session) {
      const rows = await listDestructionRequests(session!);
      if (ctx.values.json) return ctx.out(JSON.stringify(rows, null, 2));
      if (rows.length === 0) return ctx.out(sentences[ctx.locale].none);
      for (const r of rows) ctx.out(requestLine(r));
    },
  },
  {
    name: 'destruction record',
    options: { out: { type: 'string' }, force: { type: 'boolean' } },
    usage: {
      en: 'destruction record --archive DIR --as LOGIN [--out FILE.csv [--force]] [--json]   (销毁清册)',
      'zh-CN': 'destruction record --archive 目录 --as 登录名 [--out 文件.csv [--force]] [--json]（销毁清册）',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      if (typeof ctx.values.out === 'string') {
        const r = await exportDestructionRecord(session!, { out: resolve(ctx.values.out), force: ctx.values.force === true });
        return ctx.out(interpolate(sentences[ctx.locale].exported, { lines: r.lines, file: r.file }));
      }
      const lines = await destructionRecord(session!);
      if (ctx.values.json) return ctx.out(JSON.stringify(lines, null, 2));
      if (lines.length === 0) return ctx.out(sentences[ctx.locale].none);
      for (const l of lines)
        ctx.out(
          [l.id, l.number, l.customerName, l.copies.join(' '), l.contentSha256, l.requestedBy, l.approvers.join(','), l.destroyedBy, l.destroyedAt].join('\t'),
        );
    },
  },
];
