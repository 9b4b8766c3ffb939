/**
 * `triplicate survey …`, `satisfaction …`, `followup …`, `complaint …`, `regrade …`: issue 17
 * points 5–7 at a terminal, through the same core, policy and journal as the app (--as acts).
 * Lists print one tab-separated line per record (or --json), so they can be scripted; `survey
 * register` is the register of transacting customers (交易往来客户名册) as an export.
 */
import { interpolate } from '../../contract/messages';
import type { ComplaintView, FollowUpView } from '../../contract/relations';
import { complaintStep, recordComplaint } from '../../core/relations/complaints';
import { listComplaints, listFollowUps } from '../../core/relations/lists';
import { recordRegrade } from '../../core/relations/regrade';
import { closeFollowUp, recordSatisfactionSurvey } from '../../core/relations/satisfaction';
import { recordPeriodicSurvey, transactingRegister } from '../../core/relations/surveys';
import { UsageError } from '../usage';
import { commandSentences } from '../../contract/texts/cli-commands';
import { usageOf } from '../../contract/texts/cli-usage';
import type { Command, CommandContext } from './types';

const sentences = commandSentences('relations');

function positiveId(ctx: CommandContext): number {
  const value = Number(ctx.need('id'));
  if (!Number.isInteger(value) || value < 1) throw new UsageError(sentences[ctx.locale].badId);
  return value;
}

function score(ctx: CommandContext, name: string): number {
  const value = Number(ctx.need(name));
  if (!Number.isInteger(value) || value < 1 || value > 5) throw new UsageError(interpolate(sentences[ctx.locale].badScore, { name }));
  return value;
}

/** `QUESTION=SCORE` or `QUESTION=SCORE=COMMENT`. */
function parseItem(item: string, locale: CommandContext['locale']): { question: string; score: number; comment?: string } {
  const [question, scoreText, ...rest] = item.split('=');
  const value = Number(scoreText);
  if (!question || !Number.isInteger(value)) throw new UsageError(interpolate(sentences[locale].badItem, { item }));
  return { question, score: value, ...(rest.length ? { comment: rest.join('=') } : {}) };
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function complaintLine(c: ComplaintView, locale: CommandContext['locale']): string {
  return [
    c.id,
    c.number,
    c.customerName,
    sentences[locale].states[c.state],
    c.owner.login,
    c.receivedAt,
    c.respondBy,
    c.respondedAt ?? '-',
    c.solveBy,
    c.solvedAt ?? '-',
    c.overdue ? sentences[locale].overdue : '-',
  ].join('\t');
}

function followUpLine(f: FollowUpView, locale: CommandContext['locale']): string {
  return [f.id, f.number, f.customerName, f.question, f.score, f.owner.login, f.dueAt, f.closedAt ?? '-', f.overdue ? sentences[locale].overdue : '-'].join(
    '\t',
  );
}

export const RELATIONS_COMMANDS: readonly Command[] = [
  {
    name: 'survey record',
    options: { number: { type: 'string' }, changes: { type: 'string' }, grade: { type: 'string' }, lifecycle: { type: 'string' } },
    usage: usageOf('survey record'),
    needs: 'unlocked',
    async run(ctx, session) {
      const v = ctx.values;
      const r = await recordPeriodicSurvey(session!, {
        number: ctx.need('number'),
        changes: ctx.need('changes'),
        ...(str(v.grade) ? { grade: str(v.grade) } : {}),
        ...(str(v.lifecycle) ? { lifecycle: str(v.lifecycle) } : {}),
      });
      const t = sentences[ctx.locale];
      ctx.out(
        interpolate(t.surveyed, {
          number: ctx.need('number'),
          period: r.period,
          revision: r.revision ? interpolate(t.revision, { revision: r.revision }) : '',
        }),
      );
    },
  },
  {
    name: 'survey register',
    usage: usageOf('survey register'),
    needs: 'unlocked',
    async run(ctx, session) {
      const rows = await transactingRegister(session!);
      if (ctx.values.json) return ctx.out(JSON.stringify(rows, null, 2));
      const t = sentences[ctx.locale];
      ctx.out(t.registerHead);
      for (const r of rows) {
        ctx.out(
          [
            r.number,
            r.customerName,
            r.grade,
            r.lifecycle,
            r.industry || '-',
            r.responsible?.login ?? '-',
            r.lastSurvey?.period ?? '-',
            r.lastSurvey?.conductedAt ?? '-',
            r.surveyDue ? t.surveyDue : t.surveyDone,
          ].join('\t'),
        );
      }
    },
  },
  {
    name: 'satisfaction record',
    options: { number: { type: 'string' }, item: { type: 'string', multiple: true }, due: { type: 'string' } },
    usage: usageOf('satisfaction record'),
    needs: 'unlocked',
    async run(ctx, session) {
      const items = ((ctx.values.item as string[] | undefined) ?? []).map((item) => parseItem(item, ctx.locale));
      if (items.length === 0) throw new UsageError(sentences[ctx.locale].noItem);
      const due = str(ctx.values.due);
      const r = await recordSatisfactionSurvey(session!, { number: ctx.need('number'), items, ...(due ? { followUpDueAt: due } : {}) });
      ctx.out(interpolate(sentences[ctx.locale].satisfaction, { id: r.id, count: r.followUps.length }));
    },
  },
  {
    name: 'followup list',
    options: { open: { type: 'boolean' } },
    usage: usageOf('followup list'),
    needs: 'unlocked',
    async run(ctx, session) {
      const rows = await listFollowUps(session!, ctx.values.open ? { open: true } : {});
      if (ctx.values.json) return ctx.out(JSON.stringify(rows, null, 2));
      if (rows.length === 0) return ctx.out(sentences[ctx.locale].none);
      for (const f of rows) ctx.out(followUpLine(f, ctx.locale));
    },
  },
  {
    name: 'followup close',
    options: { id: { type: 'string' }, result: { type: 'string' } },
    usage: usageOf('followup close'),
    needs: 'unlocked',
    async run(ctx, session) {
      const r = await closeFollowUp(session!, { id: positiveId(ctx), result: ctx.need('result') });
      ctx.out(interpolate(sentences[ctx.locale].followUpClosed, { id: r.id }));
    },
  },
  {
    name: 'complaint record',
    options: { number: { type: 'string' }, subject: { type: 'string' }, content: { type: 'string' }, owner: { type: 'string' } },
    usage: usageOf('complaint record'),
    needs: 'unlocked',
    async run(ctx, session) {
      const owner = str(ctx.values.owner);
      const r = await recordComplaint(session!, {
        number: ctx.need('number'),
        subject: ctx.need('subject'),
        content: ctx.need('content'),
        ...(owner ? { ownerLogin: owner } : {}),
      });
      ctx.out(interpolate(sentences[ctx.locale].complaint, { id: r.id, respondBy: r.respondBy, solveBy: r.solveBy }));
    },
  },
  {
    name: 'complaint list',
    options: { open: { type: 'boolean' } },
    usage: usageOf('complaint list'),
    needs: 'unlocked',
    async run(ctx, session) {
      const rows = await listComplaints(session!, ctx.values.open ? { open: true } : {});
      if (ctx.values.json) return ctx.out(JSON.stringify(rows, null, 2));
      if (rows.length === 0) return ctx.out(sentences[ctx.locale].none);
      for (const c of rows) ctx.out(complaintLine(c, ctx.locale));
    },
  },
  ...(['respond', 'solve', 'close'] as const).map((step): Command => ({
    name: `complaint ${step}`,
    options: { id: { type: 'string' }, ...(step === 'close' ? {} : { text: { type: 'string' } }) },
    usage: usageOf(`complaint ${step}`),
    needs: 'unlocked',
    async run(ctx, session) {
      const view = await complaintStep(session!, { id: positiveId(ctx), step, ...(step === 'close' ? {} : { text: ctx.need('text') }) });
      ctx.out(interpolate(sentences[ctx.locale].step, { id: view.id, state: sentences[ctx.locale].states[view.state] }));
    },
  })),
  {
    name: 'regrade record',
    options: {
      number: { type: 'string' },
      value: { type: 'string' },
      potential: { type: 'string' },
      stability: { type: 'string' },
      grade: { type: 'string' },
      note: { type: 'string' },
    },
    usage: usageOf('regrade record'),
    needs: 'unlocked',
    async run(ctx, session) {
      const note = str(ctx.values.note);
      const r = await recordRegrade(session!, {
        number: ctx.need('number'),
        value: score(ctx, 'value'),
        potential: score(ctx, 'potential'),
        stability: score(ctx, 'stability'),
        grade: ctx.need('grade'),
        ...(note ? { note } : {}),
      });
      ctx.out(interpolate(sentences[ctx.locale].regraded, { number: ctx.need('number'), quarter: r.quarter, before: r.gradeBefore, after: r.gradeAfter }));
    },
  },
];
