/**
 * `triplicate due --as LOGIN [--json]`: the signed-in person's due list, the same items in the same
 * order as the dashboard's "My due work" (one core operation, core/due/service.ts), for scripts.
 */
import type { DueItem, DueKind } from '../../contract/due';
import { dueText } from '../../contract/texts/due';
import { listDue } from '../../core/due/service';
import { usageOf } from '../../contract/texts/cli-usage';
import { commandSentences } from '../../contract/texts/cli-commands';
import type { Command } from './types';

const words = commandSentences('due');

/** The CLI's column words with the kinds' names the dashboard shows (contract/texts/due). */
export const dueSentences = {
  en: { ...words.en, none: dueText.en.none, kinds: dueText.en.kind satisfies Record<DueKind, string> },
  'zh-CN': { ...words['zh-CN'], none: dueText.zhCN.none, kinds: dueText.zhCN.kind satisfies Record<DueKind, string> },
};

/** An unknown kind (a source added by a newer build) prints as its code rather than failing. */
export function dueLine(item: DueItem, t: (typeof dueSentences)['en']): string {
  const kind = (t.kinds as Record<string, string>)[item.kind] ?? item.kind;
  const subject = item.more !== undefined ? t.more.replace('{{count}}', String(item.more)) : (item.subject ?? '-');
  return [item.dueAt, item.overdue ? t.overdue : t.due, kind, item.dossierNumber ?? '-', item.customerName ?? '-', subject, item.key].join('\t');
}

export const dueCommand: Command = {
  name: 'due',
  usage: usageOf('due'),
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
