/**
 * Borrow cards (借阅卡), loans, notifications and the borrowing register (借阅登记簿) as every
 * layer sees them, with the schemas that validate requests. Runs anywhere: zod only.
 * The borrower is never part of a request: it is the signed-in person (rule 5).
 */
import { z } from 'zod';
import { text } from './text';
import { archiveNumberSchema, copyNumberSchema, SECTIONS, type DossierView } from './dossiers';

/** read in the app / printed copy / offline package for a laptop */
export const LOAN_FORMS = ['in-app', 'printed', 'offline'] as const;
export type LoanForm = (typeof LOAN_FORMS)[number];

/** Stored states; 'overdue' is an on-loan card past its due time, shown but never stored (rule 4). */
export const LOAN_STATES = ['submitted', 'queued', 'on-loan', 'rejected', 'cancelled', 'returned', 'returned-late', 'recalled', 'lost'] as const;
export type LoanState = (typeof LOAN_STATES)[number];
export const LOAN_VIEW_STATES = [...LOAN_STATES, 'overdue'] as const;
export type LoanViewState = (typeof LOAN_VIEW_STATES)[number];

export const cardNumberSchema = text()
  .trim()
  .regex(/^JY-\d{4}-\d{5}$/, 'JY-<year>-<5 digits>');

export const newCardSchema = z
  .object({
    copyNumber: copyNumberSchema,
    purpose: text().trim().min(2).max(500),
    form: z.enum(LOAN_FORMS),
    /** Capped by the archive setting maxLoanDays (checked by the core). */
    periodDays: z.number().int().min(1).max(90),
    readingPlace: text().trim().min(2).max(200),
    /** 禁止在公众场所或旅行途中阅读: the borrower must acknowledge it. */
    acknowledgeNoPublicReading: z.literal(true, { error: 'the rule against reading in public places or while travelling must be acknowledged' }),
  })
  .strict();
export type NewCard = z.input<typeof newCardSchema>;

export const cardRefSchema = z.object({ card: cardNumberSchema }).strict();
export const rejectCardSchema = z.object({ card: cardNumberSchema, reason: text().trim().min(2).max(1000) }).strict();
export const renewLoanSchema = z.object({ card: cardNumberSchema, days: z.number().int().min(1).max(90) }).strict();
export const recallLoanSchema = z.object({ card: cardNumberSchema, reason: text().trim().min(2).max(1000).optional() }).strict();
export const lostLoanSchema = z.object({ card: cardNumberSchema, description: text().trim().min(2).max(2000) }).strict();
export const readLoanSchema = z.object({ card: cardNumberSchema, sections: z.array(z.enum(SECTIONS)).min(1).max(SECTIONS.length).optional() }).strict();
export const printLoanSchema = z
  .object({
    card: cardNumberSchema,
    sections: z.array(z.enum(SECTIONS)).min(1).max(SECTIONS.length).optional(),
    pages: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();
export const copyOutSchema = z.object({ card: cardNumberSchema, section: z.enum(SECTIONS), characters: z.number().int().min(1).max(1_000_000) }).strict();

export const listLoansSchema = z.object({ department: text().trim().min(2).max(40).optional(), overdue: z.boolean().default(false) }).strict();

export const registerQuerySchema = z
  .object({
    department: text().trim().min(2).max(40),
    borrower: text().trim().min(2).max(64).optional(),
    dossier: archiveNumberSchema.optional(),
    state: z.enum(LOAN_VIEW_STATES).optional(),
    from: text().datetime({ offset: true }).optional(),
    to: text().datetime({ offset: true }).optional(),
    limit: z.number().int().min(1).max(10_000).default(1000),
  })
  .strict();
export type RegisterQuery = z.input<typeof registerQuerySchema>;

export const notificationRefSchema = z.object({ id: z.number().int().min(1) }).strict();

export interface PersonRef {
  login: string;
  name: string;
}

export interface LoanView {
  card: string;
  state: LoanViewState;
  borrower: PersonRef;
  number: string;
  customerName: string;
  secrecy: DossierView['secrecy'];
  copyNumber: string;
  department: string;
  purpose: string;
  form: LoanForm;
  periodDays: number;
  readingPlace: string;
  needsSecondApproval: boolean;
  submittedAt: string;
  custodianApproval: { by: PersonRef; at: string } | null;
  managerApproval: { by: PersonRef; at: string } | null;
  rejectReason: string | null;
  startsAt: string | null;
  dueAt: string | null;
  renewal: { state: 'requested' | 'approved' | 'rejected'; days: number } | null;
  endedAt: string | null;
  endNote: string | null;
  /** Place in the holds queue (预约), 1 = next; null when not queued. */
  queuePosition: number | null;
}

/** What the reading view prints across every page of content. */
export interface Watermark {
  readerName: string;
  readerLogin: string;
  card: string;
  copyNumber: string;
  at: string;
}

export interface LoanReading {
  dossier: DossierView;
  watermark: Watermark;
  dueAt: string;
}

export interface BorrowerHistory {
  borrower: PersonRef;
  loans: number;
  overdueNow: number;
  returnedLate: number;
  incidents: number;
  integrityMarks: number;
  flagged: boolean;
  recent: LoanView[];
}

export const NOTIFICATION_KINDS = [
  'card.submitted',
  'loan.overdue',
  'card.approved',
  'card.rejected',
  'loan.dueSoon',
  'loan.recalled',
  'hold.available',
  'incident.recorded',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationView {
  id: number;
  kind: NotificationKind;
  card: string | null;
  number: string | null;
  createdAt: string;
  read: boolean;
}

export interface IncidentView {
  id: number;
  kind: 'lost' | 'leak';
  card: string | null;
  number: string;
  copyNumber: string;
  revision: number;
  person: PersonRef;
  manager: PersonRef | null;
  description: string;
  at: string;
}

export interface FlaggedPerson {
  person: PersonRef;
  department: string;
  marks: number;
}

/** Three integrity marks (诚信黑点) flag a person to management. */
export const FLAG_AT_MARKS = 3;
