/**
 * Daily visit reports (每日客户拜访表, seed 004) and yearly maintenance plans (客户维护计划, seed 000
 * 第十条、第十一条): schemas the core validates and the renderer reuses, and the views both see.
 * Runs anywhere: zod only. No request names the acting person.
 */
import { z } from 'zod';
import { archiveNumberSchema } from './dossiers';
import { text } from './text';

const isoDate = text().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const short = text().trim().max(200);
const long = text().trim().max(5000);

/** One visit of the day: whom, why, what came of it, what next. */
export const visitSchema = z
  .object({
    /** The customer's archive number when the customer has a dossier. */
    dossierNumber: archiveNumberSchema.optional(),
    customer: text().trim().min(1).max(200),
    personMet: short.default(''),
    purpose: long.default(''),
    result: long.default(''),
    nextStep: long.default(''),
  })
  .strict();
export type Visit = z.infer<typeof visitSchema>;

/** Files (or, until the supervisor comments, amends) the report for a day; today's by default. */
export const fileVisitReportSchema = z.object({ date: isoDate.optional(), visits: z.array(visitSchema).min(1).max(50) }).strict();
export type FileVisitReport = z.input<typeof fileVisitReportSchema>;

export const visitReportRefSchema = z.object({ id: z.number().int().min(1) }).strict();
export const commentVisitReportSchema = z.object({ id: z.number().int().min(1), comment: text().trim().min(1).max(5000) }).strict();
export const spotCheckSchema = z.object({ id: z.number().int().min(1), findings: text().trim().min(1).max(5000) }).strict();
/** mine: my own; toComment: the reports I supervise; all: every report (the sales department manager's spot checks). */
export const visitReportListSchema = z.object({ scope: z.enum(['mine', 'toComment', 'all']), from: isoDate.optional(), to: isoDate.optional() }).strict();

/** A report as listed: who, which day, and whether it and its comment came on time; no visit content. */
export interface VisitReportSummary {
  id: number;
  date: string;
  author: { login: string; name: string };
  supervisor: { login: string; name: string } | null;
  visitCount: number;
  filedAt: string;
  dueAt: string;
  late: boolean;
  commentDueAt: string;
  commentedAt: string | null;
  commentLate: boolean;
  /** Not commented and past the comment deadline now. */
  commentOverdue: boolean;
  spotChecks: number;
  revision: number;
}

export interface SpotCheckView {
  by: { login: string; name: string };
  at: string;
  findings: string;
}

/** A report opened: its visits, the supervisor's comment and the spot checks (content, rule 3). */
export interface VisitReportView extends VisitReportSummary {
  visits: Visit[];
  comment: string | null;
  commentedBy: { login: string; name: string } | null;
  checks: SpotCheckView[];
}

/** The five parts of seed 000 第十条. */
export const PLAN_PARTS = ['summary', 'profile', 'competition', 'assessment', 'actions'] as const;
export type PlanPart = (typeof PLAN_PARTS)[number];

export const planContentSchema = z.object({ summary: long, profile: long, competition: long, assessment: long, actions: long }).partial().strict();
export type PlanContent = z.infer<typeof planContentSchema>;

const year = z.number().int().min(2000).max(2100);

/**
 * Writes a customer's plan for a year. A draft changes at once; `file` files it (all five parts
 * needed); a filed plan's change waits for the marketing department manager (调整权由市场部经理掌握).
 */
export const savePlanSchema = z.object({ number: archiveNumberSchema, year, parts: planContentSchema, file: z.boolean().default(false) }).strict();
export type SavePlan = z.input<typeof savePlanSchema>;
export const planRefSchema = z.object({ number: archiveNumberSchema, year }).strict();
export const rejectPlanSchema = z.object({ number: archiveNumberSchema, year, reason: text().trim().min(2).max(2000) }).strict();
export const dossierPlansSchema = z.object({ number: archiveNumberSchema }).strict();
/** pending: changes waiting for approval; filed: the filed plans (marketing's information keeper); mine: the plans I write. */
export const planListSchema = z.object({ scope: z.enum(['pending', 'filed', 'mine']), year: year.optional() }).strict();

export type PlanStatus = 'draft' | 'filed';

export interface PlanSummary {
  number: string;
  customerName: string;
  year: number;
  status: PlanStatus;
  author: { login: string; name: string };
  filedAt: string | null;
  pendingSince: string | null;
  revision: number;
}

export interface PlanView extends PlanSummary {
  content: PlanContent;
  /** The change waiting for approval, whole (the parts as they would read). */
  pending: PlanContent | null;
  pendingBy: { login: string; name: string } | null;
  /** Whether the one asking may write, approve this plan (from the policy). */
  mayWrite: boolean;
  mayApprove: boolean;
}

/** The plans of one customer, newest year first, and whether the one asking may write a new one. */
export interface DossierPlansView {
  number: string;
  customerName: string;
  plans: PlanView[];
  mayWrite: boolean;
}
