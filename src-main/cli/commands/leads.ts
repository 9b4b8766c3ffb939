/**
 * `triplicate lead …` (issue 18 point 1): report a lead, the key-account department's check, merge,
 * project, delivery, dossier, the published lists and the conversion rate. Same core, policy and
 * journal as the app; the acting person is --as.
 */
import type { LeadPublication, LeadView } from '../../contract/leads';
import { interpolate } from '../../contract/messages';
import { leadConversion, leadPublication } from '../../core/leads/reports';
import { checkLead, leadToDossier, listLeads, mergeLeads, openProject, recordDelivery, reportLead } from '../../core/leads/service';
import { UsageError } from '../usage';
import type { Command, CommandContext } from './types';

const sentences = {
  en: {
    reported: 'Lead {{id}} received: {{state}}.',
    duplicate: 'Lead {{id}} received, but lead {{first}} was reported first: yours does not count.',
    checked: 'Lead {{id}} is now {{state}}.',
    merged: 'Lead {{id}} is now a duplicate of lead {{first}}, which was reported first.',
    project: 'Lead {{id}} is now a project.',
    delivered: 'Lead {{id}}: {{delivered}} of {{quantity}} units delivered.',
    dossier: 'Lead {{id}} became dossier {{number}}.',
    header: 'id\tstate\treported\treporter\tcustomer\tquantity\texpires\tcheck due',
    publication: 'Lead lists published on {{publishedOn}} (reports {{from}} … {{to}})',
    tallyHeader: 'who\tdepartment\treported\tduplicates\tpending\tvalid\tinvalid',
    total: 'total',
    conversion: 'Conversion rate, {{quarter}} ({{from}} … {{to}}): delivered / target quantity',
    conversionHeader: 'login\tname\tdepartment\tprojects\ttarget\tdelivered\trate',
    none: '(none)',
  },
  'zh-CN': {
    reported: '已接收信息 {{id}}：{{state}}。',
    duplicate: '已接收信息 {{id}}，但信息 {{first}} 提报在先：您的提报不予计算。',
    checked: '信息 {{id}} 现为 {{state}}。',
    merged: '信息 {{id}} 已并入先提报的信息 {{first}}，视为重复信息。',
    project: '信息 {{id}} 已立项。',
    delivered: '信息 {{id}}：标的 {{quantity}} 台，已提车 {{delivered}} 台。',
    dossier: '信息 {{id}} 已建立档案 {{number}}。',
    header: '编号\t状态\t提报时间\t提报人\t客户\t标的量\t到期日\t甄别期限',
    publication: '{{publishedOn}} 公布的信息提报情况（提报时间 {{from}} 至 {{to}}）',
    tallyHeader: '提报人\t部门\t提报总量\t重复\t待甄别\t有效\t无效',
    total: '合计',
    conversion: '{{quarter}}（{{from}} 至 {{to}}）季度项目转化率 = 实际提车量 / 标的总量',
    conversionHeader: '登录名\t姓名\t部门\t立项数\t标的总量\t实际提车量\t转化率',
    none: '（无）',
  },
};

function id(ctx: CommandContext, name = 'id'): number {
  const value = Number(ctx.need(name));
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(`--${name}: a lead number`);
  return value;
}

function quantity(ctx: CommandContext): number {
  const value = Number(ctx.need('quantity'));
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError('--quantity: a whole number ≥ 1');
  return value;
}

const str = (ctx: CommandContext, name: string) => (typeof ctx.values[name] === 'string' ? (ctx.values[name] as string) : undefined);

const leadLine = (l: LeadView) =>
  [
    l.id,
    l.state,
    l.reportedAt,
    `${l.reporter.name}(${l.reporter.login})`,
    l.customerName,
    l.quantity,
    l.expiresOn ?? '-',
    l.state === 'pending' ? l.checkDueAt : '-',
  ].join('\t');

/** The publication as tab-separated lines, or CSV (quoted, with a BOM for Excel) with --csv. */
function publicationLines(p: LeadPublication, locale: 'en' | 'zh-CN', csv: boolean): string[] {
  const t = sentences[locale];
  const rows = [
    ...p.people.map((x) => [`${x.name}(${x.login})`, x.department, x.reported, x.duplicates, x.pending, x.valid, x.invalid]),
    ...p.departments.map((x) => ['', x.department, x.reported, x.duplicates, x.pending, x.valid, x.invalid]),
    [t.total, '', p.totals.reported, p.totals.duplicates, p.totals.pending, p.totals.valid, p.totals.invalid],
  ];
  const header = t.tallyHeader.split('\t');
  if (!csv) return [interpolate(t.publication, { publishedOn: p.publishedOn, from: p.from, to: p.to }), header.join('\t'), ...rows.map((r) => r.join('\t'))];
  const quote = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
  return [`\uFEFF${header.map(quote).join(',')}`, ...rows.map((r) => r.map(quote).join(','))];
}

export const LEAD_COMMANDS: readonly Command[] = [
  {
    name: 'lead report',
    options: {
      customer: { type: 'string' },
      'credit-code': { type: 'string' },
      sector: { type: 'string' },
      need: { type: 'string' },
      quantity: { type: 'string' },
      contact: { type: 'string' },
      'contact-details': { type: 'string' },
      notes: { type: 'string' },
    },
    usage: {
      en: 'lead report --archive DIR --as LOGIN --customer NAME [--credit-code CODE] [--sector S] --need TEXT --quantity N --contact PERSON --contact-details PHONE [--notes TEXT] [--json]',
      'zh-CN':
        'lead report --archive 目录 --as 登录名 --customer 客户名称 [--credit-code 统一社会信用代码] [--sector 类别] --need 需求 --quantity 标的量 --contact 第三方联系人 --contact-details 联系方式 [--notes 备注] [--json]（大客户信息记录表）',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const l = await reportLead(session!, {
        customerName: ctx.need('customer'),
        need: ctx.need('need'),
        quantity: quantity(ctx),
        ...(str(ctx, 'credit-code') !== undefined ? { creditCode: str(ctx, 'credit-code') } : {}),
        ...(str(ctx, 'sector') !== undefined ? { sector: str(ctx, 'sector') } : {}),
        // Absent contact reaches the core, which refuses it with the policy's own sentence.
        ...(str(ctx, 'contact') !== undefined ? { contactPerson: str(ctx, 'contact') } : {}),
        ...(str(ctx, 'contact-details') !== undefined ? { contactDetails: str(ctx, 'contact-details') } : {}),
        ...(str(ctx, 'notes') !== undefined ? { notes: str(ctx, 'notes') } : {}),
      });
      const t = sentences[ctx.locale];
      if (ctx.values.json) return ctx.out(JSON.stringify(l, null, 2));
      ctx.out(l.duplicateOf ? interpolate(t.duplicate, { id: l.id, first: l.duplicateOf }) : interpolate(t.reported, { id: l.id, state: l.state }));
    },
  },
  {
    name: 'lead list',
    options: { state: { type: 'string' }, mine: { type: 'boolean' } },
    usage: {
      en: 'lead list --archive DIR --as LOGIN [--state pending|valid|invalid|duplicate|project|dossier|expired] [--mine] [--json]',
      'zh-CN': 'lead list --archive 目录 --as 登录名 [--state pending|valid|invalid|duplicate|project|dossier|expired] [--mine] [--json]',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const rows = await listLeads(session!, {
        ...(str(ctx, 'state') ? { state: str(ctx, 'state') } : {}),
        ...(ctx.values.mine === true ? { mine: true } : {}),
      });
      if (ctx.values.json) return ctx.out(JSON.stringify(rows, null, 2));
      const t = sentences[ctx.locale];
      if (rows.length === 0) return ctx.out(t.none);
      ctx.out(t.header);
      for (const row of rows) ctx.out(leadLine(row));
    },
  },
  {
    name: 'lead check',
    options: { id: { type: 'string' }, valid: { type: 'boolean' }, invalid: { type: 'boolean' }, expires: { type: 'string' }, reason: { type: 'string' } },
    usage: {
      en: 'lead check --archive DIR --as LOGIN --id N (--valid --expires YYYY-MM-DD | --invalid --reason TEXT)',
      'zh-CN': 'lead check --archive 目录 --as 登录名 --id 编号 (--valid --expires 到期日期 | --invalid --reason 原因)（两个工作日内甄别）',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      if ((ctx.values.valid === true) === (ctx.values.invalid === true)) throw new UsageError('--valid | --invalid');
      const l = await checkLead(
        session!,
        ctx.values.valid === true
          ? { id: id(ctx), verdict: 'valid', expiresOn: ctx.need('expires') }
          : { id: id(ctx), verdict: 'invalid', reason: ctx.need('reason') },
      );
      ctx.out(interpolate(sentences[ctx.locale].checked, { id: l.id, state: l.state }));
    },
  },
  {
    name: 'lead merge',
    options: { id: { type: 'string' }, with: { type: 'string' } },
    usage: {
      en: 'lead merge --archive DIR --as LOGIN --id N --with M   (the same lead twice: the earlier counts)',
      'zh-CN': 'lead merge --archive 目录 --as 登录名 --id 编号 --with 编号（同一信息：先报者计算）',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const l = await mergeLeads(session!, { id: id(ctx), with: id(ctx, 'with') });
      ctx.out(interpolate(sentences[ctx.locale].merged, { id: l.id, first: l.duplicateOf ?? '-' }));
    },
  },
  {
    name: 'lead project',
    options: { id: { type: 'string' } },
    usage: {
      en: 'lead project --archive DIR --as LOGIN --id N   (a valid lead becomes a project)',
      'zh-CN': 'lead project --archive 目录 --as 登录名 --id 编号（有效信息立项）',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const l = await openProject(session!, { id: id(ctx) });
      ctx.out(interpolate(sentences[ctx.locale].project, { id: l.id }));
    },
  },
  {
    name: 'lead deliver',
    options: { id: { type: 'string' }, quantity: { type: 'string' }, date: { type: 'string' } },
    usage: {
      en: 'lead deliver --archive DIR --as LOGIN --id N --quantity N --date YYYY-MM-DD',
      'zh-CN': 'lead deliver --archive 目录 --as 登录名 --id 编号 --quantity 提车量 --date 日期（合同登记）',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const l = await recordDelivery(session!, { id: id(ctx), quantity: quantity(ctx), deliveredOn: ctx.need('date') });
      ctx.out(interpolate(sentences[ctx.locale].delivered, { id: l.id, delivered: l.delivered, quantity: l.quantity }));
    },
  },
  {
    name: 'lead dossier',
    options: { id: { type: 'string' } },
    usage: {
      en: 'lead dossier --archive DIR --as LOGIN --id N   (intent to cooperate: the project gets a dossier)',
      'zh-CN': 'lead dossier --archive 目录 --as 登录名 --id 编号（有合作意向时建立大客户档案）',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const l = await leadToDossier(session!, { id: id(ctx) });
      ctx.out(interpolate(sentences[ctx.locale].dossier, { id: l.id, number: l.dossierNumber ?? '-' }));
    },
  },
  {
    name: 'lead publication',
    options: { date: { type: 'string' }, csv: { type: 'boolean' } },
    usage: {
      en: 'lead publication --archive DIR --as LOGIN [--date YYYY-MM-DD] [--csv | --json]   (the list of the 10th, 20th or 30th)',
      'zh-CN': 'lead publication --archive 目录 --as 登录名 [--date 日期] [--csv | --json]（每月10、20、30日公布的提报情况）',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const p = await leadPublication(session!, str(ctx, 'date') ? { date: str(ctx, 'date') } : {});
      if (ctx.values.json) return ctx.out(JSON.stringify(p, null, 2));
      for (const line of publicationLines(p, ctx.locale, ctx.values.csv === true)) ctx.out(line);
    },
  },
  {
    name: 'lead conversion',
    options: { quarter: { type: 'string' } },
    usage: {
      en: 'lead conversion --archive DIR --as LOGIN [--quarter YYYY-Qn] [--json]',
      'zh-CN': 'lead conversion --archive 目录 --as 登录名 [--quarter 年-季度，如 2026-Q2] [--json]（季度项目转化率）',
    },
    needs: 'unlocked',
    async run(ctx, session) {
      const c = await leadConversion(session!, str(ctx, 'quarter') ? { quarter: str(ctx, 'quarter') } : {});
      if (ctx.values.json) return ctx.out(JSON.stringify(c, null, 2));
      const t = sentences[ctx.locale];
      ctx.out(interpolate(t.conversion, { quarter: c.quarter, from: c.from, to: c.to }));
      if (c.rows.length === 0) return ctx.out(t.none);
      ctx.out(t.conversionHeader);
      for (const r of c.rows)
        ctx.out([r.login, r.name, r.department, r.projects, r.target, r.delivered, r.rate === null ? '-' : `${(r.rate * 100).toFixed(1)}%`].join('\t'));
    },
  },
];
