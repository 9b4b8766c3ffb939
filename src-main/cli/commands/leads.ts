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
import { commandSentences } from '../../contract/texts/cli-commands';
import { usageOf } from '../../contract/texts/cli-usage';
import type { Command, CommandContext } from './types';

const sentences = commandSentences('leads');

function id(ctx: CommandContext, name = 'id'): number {
  const value = Number(ctx.need(name));
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(interpolate(sentences[ctx.locale].badId, { name }));
  return value;
}

function quantity(ctx: CommandContext): number {
  const value = Number(ctx.need('quantity'));
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(sentences[ctx.locale].badQuantity);
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
    usage: usageOf('lead report'),
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
    usage: usageOf('lead list'),
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
    usage: usageOf('lead check'),
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
    usage: usageOf('lead merge'),
    needs: 'unlocked',
    async run(ctx, session) {
      const l = await mergeLeads(session!, { id: id(ctx), with: id(ctx, 'with') });
      ctx.out(interpolate(sentences[ctx.locale].merged, { id: l.id, first: l.duplicateOf ?? '-' }));
    },
  },
  {
    name: 'lead project',
    options: { id: { type: 'string' } },
    usage: usageOf('lead project'),
    needs: 'unlocked',
    async run(ctx, session) {
      const l = await openProject(session!, { id: id(ctx) });
      ctx.out(interpolate(sentences[ctx.locale].project, { id: l.id }));
    },
  },
  {
    name: 'lead deliver',
    options: { id: { type: 'string' }, quantity: { type: 'string' }, date: { type: 'string' } },
    usage: usageOf('lead deliver'),
    needs: 'unlocked',
    async run(ctx, session) {
      const l = await recordDelivery(session!, { id: id(ctx), quantity: quantity(ctx), deliveredOn: ctx.need('date') });
      ctx.out(interpolate(sentences[ctx.locale].delivered, { id: l.id, delivered: l.delivered, quantity: l.quantity }));
    },
  },
  {
    name: 'lead dossier',
    options: { id: { type: 'string' } },
    usage: usageOf('lead dossier'),
    needs: 'unlocked',
    async run(ctx, session) {
      const l = await leadToDossier(session!, { id: id(ctx) });
      ctx.out(interpolate(sentences[ctx.locale].dossier, { id: l.id, number: l.dossierNumber ?? '-' }));
    },
  },
  {
    name: 'lead publication',
    options: { date: { type: 'string' }, csv: { type: 'boolean' } },
    usage: usageOf('lead publication'),
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
    usage: usageOf('lead conversion'),
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
