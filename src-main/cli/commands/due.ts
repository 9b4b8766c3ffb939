/**
 * `triplicate due --as LOGIN [--json]`: the signed-in person's due list, the same items in the same
 * order as the dashboard's "My due work" (one core operation, core/due/service.ts), for scripts.
 */
import type { DueItem, DueKind } from '../../contract/due';
import { dueText } from '../../contract/texts/due';
import { listDue } from '../../core/due/service';
import type { Command } from './types';

/** The CLI's own column words; the kinds' names come from the one source of texts (contract/texts/due). */
export const dueSentences = {
  en: {
    none: dueText.en.none,
    header: 'DUE\tSTATE\tKIND\tDOSSIER\tCUSTOMER\tSUBJECT\tKEY',
    overdue: 'overdue',
    due: 'due',
    kinds: dueText.en.kind satisfies Record<DueKind, string>,
    more: '{{count}} more not listed (the least urgent)',
  },
  'zh-CN': {
    none: dueText.zhCN.none,
    header: '到期\t状态\t类型\t档案\t客户\t事项\t标识',
    overdue: '已逾期',
    due: '待办',
    kinds: dueText.zhCN.kind satisfies Record<DueKind, string>,
    more: '另有 {{count}} 项未列出（较不紧急）',
  },
};

/** An unknown kind (a source added by a newer build) prints as its code rather than failing. */
export function dueLine(item: DueItem, t: (typeof dueSentences)['en']): string {
  const kind = (t.kinds as Record<string, string>)[item.kind] ?? item.kind;
  const subject = item.more !== undefined ? t.more.replace('{{count}}', String(item.more)) : (item.subject ?? '-');
  return [item.dueAt, item.overdue ? t.overdue : t.due, kind, item.dossierNumber ?? '-', item.customerName ?? '-', subject, item.key].join('\t');
}

export const dueCommand: Command = {
  name: 'due',
  usage: {
    en: 'due --archive DIR --as LOGIN [--json]   (your due work: reviews, contacts, callbacks…, by due time)',
    'zh-CN': 'due --archive 目录 --as 登录名 [--json]（本人的待办：复核、沟通、回访……按到期时间排列）',
  },
  needs: 'unlocked',
  async run(ctx, session) {
    const t = dueSentences[ctx.locale];
    const items = await listDue(session!, {});
    if (ctx.values.json) return ctx.out(JSON.stringify(items, null, 2));
    if (items.length === 0) return ctx.out(t.none);
    ctx.out(t.header);
    for (const item of items) ctx.out(dueLine(item, t));
  },
};
