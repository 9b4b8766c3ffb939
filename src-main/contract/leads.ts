/**
 * Lead intake (大客户信息提报, issue 18 point 1; seed 004 大客户信息收集管理办法) as every layer sees
 * it: the one template (大客户信息记录表), the key-account department's check, projects (立项),
 * deliveries, the publication on the 10th, 20th and 30th and the quarterly conversion rate.
 * Leads are catalogue-level information, never dossier content. Runs anywhere: zod only.
 */
import { z } from 'zod';
import { text } from './text';

/** pending → valid | invalid; valid → project → dossier; a later report of the same lead is a duplicate. */
export const LEAD_STATES = ['pending', 'valid', 'invalid', 'duplicate', 'project', 'dossier'] as const;
export type LeadState = (typeof LEAD_STATES)[number];
/** What a list shows: a valid lead past its expiry date without a project reads `expired`. */
export type LeadShownState = LeadState | 'expired';

/** The sectors the policy names (政府采购、公检法司及军警、出租、租赁、驾校、企事业单位), plus other. */
export const LEAD_SECTORS = ['government', 'public-security', 'taxi', 'leasing', 'driving-school', 'enterprise', 'other'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/**
 * 大客户信息记录表. The third party's contact person and details are optional here only so that
 * their absence gets its own sentence (`lead.contactMissing`: 不予接收) instead of a schema error.
 */
export const leadReportSchema = z
  .object({
    customerName: text().trim().min(1).max(200),
    /** 统一社会信用代码: 18 characters when given. */
    creditCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[0-9A-Z]{18}$/, '18 letters or digits')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    sector: z.enum(LEAD_SECTORS).default('other'),
    need: text().trim().min(1).max(2000),
    /** 标的量 (units). */
    quantity: z.number().int().min(1).max(1_000_000),
    contactPerson: text().trim().max(100).optional(),
    contactDetails: text().trim().max(200).optional(),
    notes: text().trim().max(2000).default(''),
  })
  .strict();
export type LeadReport = z.input<typeof leadReportSchema>;

export const leadIdSchema = z.object({ id: z.number().int().positive() }).strict();

/** The key-account department's check (两个工作日内反馈): valid with an expiry date, or invalid with a reason. */
export const leadCheckSchema = z.discriminatedUnion('verdict', [
  z.object({ id: z.number().int().positive(), verdict: z.literal('valid'), expiresOn: isoDate }).strict(),
  z.object({ id: z.number().int().positive(), verdict: z.literal('invalid'), reason: text().trim().min(1).max(500) }).strict(),
]);
export type LeadCheck = z.input<typeof leadCheckSchema>;

/** Manual merge: two reports are the same lead; the earlier one counts, the later becomes its duplicate. */
export const leadMergeSchema = z.object({ id: z.number().int().positive(), with: z.number().int().positive() }).strict();

/** A delivery on a project (合同登记汇总表): what the conversion rate counts. */
export const leadDeliverySchema = z
  .object({ id: z.number().int().positive(), quantity: z.number().int().min(1).max(1_000_000), deliveredOn: isoDate })
  .strict();

export const leadListSchema = z
  .object({
    state: z.enum([...LEAD_STATES, 'expired']).optional(),
    /** Only the signed-in person's own reports (every reporter may ask for those). */
    mine: z.boolean().optional(),
  })
  .strict();

/** Which publication (10th, 20th or 30th): the latest on or before `date`, today when absent. */
export const leadPublicationSchema = z.object({ date: isoDate.optional() }).strict();

/** A calendar quarter, e.g. 2026-Q1; the current one when absent. */
export const leadConversionSchema = z
  .object({
    quarter: z
      .string()
      .regex(/^\d{4}-Q[1-4]$/, 'a quarter as YYYY-Qn')
      .optional(),
  })
  .strict();

export interface LeadView {
  id: number;
  reportedAt: string;
  reporter: { login: string; name: string };
  department: string;
  customerName: string;
  creditCode: string | null;
  sector: string;
  need: string;
  quantity: number;
  contactPerson: string;
  contactDetails: string;
  notes: string;
  state: LeadShownState;
  duplicateOf: number | null;
  checkDueAt: string;
  checkedBy: string | null;
  checkedAt: string | null;
  expiresOn: string | null;
  invalidReason: string | null;
  projectAt: string | null;
  dossierNumber: string | null;
  delivered: number;
  /** Whether the signed-in person may check, merge and convert it (from the policy; main decides again). */
  mayAct: boolean;
}

/** Counts for one person or department in a publication period. */
export interface LeadTally {
  reported: number;
  /** Later reports of a lead someone reported first: received, never counted. */
  duplicates: number;
  pending: number;
  valid: number;
  invalid: number;
}

export interface LeadPublication {
  /** The publication date (10th, 20th or 30th; the month's last day in February). */
  publishedOn: string;
  /** Reports after `from` (exclusive) up to `to` (inclusive), dates in the archive's time zone. */
  from: string;
  to: string;
  people: (LeadTally & { login: string; name: string; department: string })[];
  departments: (LeadTally & { department: string })[];
  totals: LeadTally;
}

export interface LeadConversionRow {
  login: string;
  name: string;
  department: string;
  projects: number;
  target: number;
  delivered: number;
  /** delivered / target (季度项目转化率); null when there is no target. */
  rate: number | null;
}

export interface LeadConversion {
  quarter: string;
  from: string;
  to: string;
  rows: LeadConversionRow[];
}
