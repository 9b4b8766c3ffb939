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
import type { Command, CommandContext } from './types';

const sentences = {
  en: {
    surveyed: 'Survey of {{number}} for {{period}} recorded{{revision}}.',
    revision: '; the dossier is now at revision {{revision}}',
    satisfaction: 'Satisfaction survey {{id}} recorded; {{count}} follow-up(s) opened for unsatisfied items.',
    followUpClosed: 'Follow-up {{id}} closed.',
    complaint: 'Complaint {{id}} received: first response due by {{respondBy}}, solution by {{solveBy}}.',
    step: 'Complaint {{id}} is now {{state}}.',
    regraded: '{{number}} re-graded for {{quarter}}: {{before}} → {{after}}.',
    none: '(none)',
    overdue: 'OVERDUE',
    registerHead: 'number\tcustomer\tgrade\tlifecycle\tindustry\tresponsible\tlast survey\tsurveyed at\tthis half-year',
    surveyDue: 'due',
    surveyDone: 'done',
  },
  'zh-CN': {
    surveyed: '已记录 {{number}} 在 {{period}} 的定期调查{{revision}}。',
    revision: '；档案现为第 {{revision}} 版',
    satisfaction: '已记录满意度调查 {{id}}；为不满意项开立 {{count}} 项跟进。',
    followUpClosed: '跟进事项 {{id}} 已关闭。',
    complaint: '已受理投诉 {{id}}：须在 {{respondBy}} 前首次响应，{{solveBy}} 前提供解决方案。',
    step: '投诉 {{id}} 现为：{{state}}。',
    regraded: '{{number}} 已完成 {{quarter}} 等级评估：{{before}} → {{after}}。',
    none: '（无）',
    overdue: '已逾期',
    registerHead: '档案编号\t客户名称\t等级\t生命周期\t行业\t负责客户经理\t最近调查\t调查时间\t本半年',
    surveyDue: '待调查',
    surveyDone: '已调查',
  },
};

const STATES = {
  en: { received: 'received', responded: 'responded', solved: 'solved', closed: 'closed' },
  'zh-CN': { received: '已受理', responded: '已响应', solved: '已解决', closed: '已关闭' },
};

function positiveId(ctx: CommandContext): number {
  const value = Number(ctx.need('id'));
  if (!Number.isInteger(value) || value < 1) throw new UsageError('--id: a positive whole number');
  return value;
}

function score(ctx: CommandContext, name: string): number {
  const value = Number(ctx.need(name));
  if (!Number.isInteger(value) || value < 1 || value > 5) throw new UsageError(`--${name}: a whole number from 1 to 5`);
  return value;
}

/** `QUESTION=SCORE` or `QUESTION=SCORE=COMMENT`. */
function parseItem(item: string): { question: string; score: number; comment?: string } {
  const [question, scoreText, ...rest] = item.split('=');
  const value = Number(scoreText);
  if (!question || !Number.isInteger(value)) throw new UsageError(`--item "${item}": QUESTION=SCORE[=COMMENT], SCORE 1–5`);
  return { question, score: value, ...(rest.length ? { comment: rest.join('=') } : {}) };
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function complaintLine(c: ComplaintView, locale: CommandContext['locale']): string {
  return [
    c.id,
    c.number,
    c.customerName,
    STATES[locale][c.state],
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
    usage: {
      en: 'survey record --archive DIR --as LOGIN --number N --changes TEXT [--grade A|B|C] [--lifecycle STAGE]   (half-yearly survey of a transacting customer)',
      'zh-CN': 'survey record --archive 目录 --as 登录名 --number 档案编号 --changes 变化 [--grade A|B|C] [--lifecycle 阶段]（交易往来客户半年度定期调查）',
    },
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
    usage: {
      en: 'survey register --archive DIR --as LOGIN [--json]   (register of transacting customers with their latest survey)',
      'zh-CN': 'survey register --archive 目录 --as 登录名 [--json]（交易往来客户名册及最近一次调查）',
    },
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
    usage: {
      en: 'satisfaction record --archive DIR --as LOGIN --number N --item QUESTION=SCORE[=COMMENT]... [--due ISO-TIME]   (scores 1–5; low ones get a follow-up)',
      'zh-CN': 'satisfaction record --archive 目录 --as 登录名 --number 档案编号 --item 问题=分数[=意见]... [--due 跟进期限]（1–5 分；低分项自动开立跟进）',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const items = ((ctx.values.item as string[] | undefined) ?? []).map(parseItem);
      if (items.length === 0) throw new UsageError('--item: at least one');
      const due = str(ctx.values.due);
      const r = await recordSatisfactionSurvey(session!, { number: ctx.need('number'), items, ...(due ? { followUpDueAt: due } : {}) });
      ctx.out(interpolate(sentences[ctx.locale].satisfaction, { id: r.id, count: r.followUps.length }));
    },
  },
  {
    name: 'followup list',
    options: { open: { type: 'boolean' } },
    usage: { en: 'followup list --archive DIR --as LOGIN [--open] [--json]', 'zh-CN': 'followup list --archive 目录 --as 登录名 [--open] [--json]' },
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
    usage: {
      en: 'followup close --archive DIR --as LOGIN --id N --result TEXT',
      'zh-CN': 'followup close --archive 目录 --as 登录名 --id 编号 --result 落实情况',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const r = await closeFollowUp(session!, { id: positiveId(ctx), result: ctx.need('result') });
      ctx.out(interpolate(sentences[ctx.locale].followUpClosed, { id: r.id }));
    },
  },
  {
    name: 'complaint record',
    options: { number: { type: 'string' }, subject: { type: 'string' }, content: { type: 'string' }, owner: { type: 'string' } },
    usage: {
      en: 'complaint record --archive DIR --as LOGIN --number N --subject S --content TEXT [--owner LOGIN]',
      'zh-CN': 'complaint record --archive 目录 --as 登录名 --number 档案编号 --subject 主题 --content 内容 [--owner 负责人]',
    },
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
    usage: {
      en: 'complaint list --archive DIR --as LOGIN [--open] [--json]   (overdue ones flagged)',
      'zh-CN': 'complaint list --archive 目录 --as 登录名 [--open] [--json]（逾期的会标出）',
    },
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
    usage:
      step === 'close'
        ? { en: 'complaint close --archive DIR --as LOGIN --id N', 'zh-CN': 'complaint close --archive 目录 --as 登录名 --id 编号' }
        : {
            en: `complaint ${step} --archive DIR --as LOGIN --id N --text TEXT`,
            'zh-CN': `complaint ${step} --archive 目录 --as 登录名 --id 编号 --text ${step === 'respond' ? '响应内容' : '解决方案'}`,
          },
    needs: 'unlocked',
    async run(ctx, session) {
      const view = await complaintStep(session!, { id: positiveId(ctx), step, ...(step === 'close' ? {} : { text: ctx.need('text') }) });
      ctx.out(interpolate(sentences[ctx.locale].step, { id: view.id, state: STATES[ctx.locale][view.state] }));
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
    usage: {
      en: 'regrade record --archive DIR --as LOGIN --number N --value 1-5 --potential 1-5 --stability 1-5 --grade A|B|C [--note TEXT]   (quarterly re-grading)',
      'zh-CN':
        'regrade record --archive 目录 --as 登录名 --number 档案编号 --value 1-5 --potential 1-5 --stability 1-5 --grade A|B|C [--note 说明]（每季度评估客户等级）',
    },
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
