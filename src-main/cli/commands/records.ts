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
import { commandSentences } from '../../contract/texts/cli-commands';
import { usageOf } from '../../contract/texts/cli-usage';
import type { Command, CommandContext } from './types';

const sentences = commandSentences('records');

function id(ctx: CommandContext): number {
  const value = Number(ctx.need('id'));
  if (!Number.isInteger(value) || value < 1) throw new UsageError(sentences[ctx.locale].badId);
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
    usage: usageOf('retention due'),
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
    usage: usageOf('retention decide'),
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
    usage: usageOf('hold set'),
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
    usage: usageOf('hold release'),
    needs: 'unlocked',
    async run(ctx, session) {
      const hold = await releaseHold(session!, { id: id(ctx) });
      ctx.out(interpolate(sentences[ctx.locale].holdReleased, { id: hold.id, name: hold.name }));
    },
  },
  {
    name: 'hold list',
    usage: usageOf('hold list'),
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
    usage: usageOf('destruction request'),
    needs: 'unlocked',
    async run(ctx, session) {
      const r = await requestDestruction(session!, { number: ctx.need('number'), reason: ctx.need('reason') });
      ctx.out(interpolate(sentences[ctx.locale].requested, { number: r.number, id: r.id, departments: r.departments.join(', ') }));
    },
  },
  ...(['approve', 'reject'] as const).map((verb): Command => ({
    name: `destruction ${verb}`,
    options: { id: { type: 'string' }, note: { type: 'string' } },
    usage: usageOf(`destruction ${verb}`),
    needs: 'unlocked',
    async run(ctx, session) {
      const input = { id: id(ctx), note: typeof ctx.values.note === 'string' ? ctx.values.note : '' };
      const r = verb === 'approve' ? await approveDestruction(session!, input) : await rejectDestruction(session!, input);
      ctx.out(interpolate(sentences[ctx.locale].decided, { id: r.id, number: r.number, state: r.state }));
    },
  })),
  {
    name: 'destruction list',
    usage: usageOf('destruction list'),
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
    usage: usageOf('destruction record'),
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
