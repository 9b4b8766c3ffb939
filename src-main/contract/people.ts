/**
 * People, departments, ranks and duties as every layer sees them, with the schemas that validate them.
 * Runs anywhere: zod only.
 */
import { z } from 'zod';
import type { Page } from './pages';
import { text } from './text';

/** staff 员工 < account manager 客户经理 < department manager 部门经理 < general manager 总经理 */
export const RANKS = ['staff', 'account-manager', 'department-manager', 'general-manager'] as const;
export type Rank = (typeof RANKS)[number];

/** admin 系统管理员, custodian 档案保管员, auditor 审计员, collector 信息采集员, analyst 信息分析员 (aggregates only) */
export const DUTIES = ['admin', 'custodian', 'auditor', 'collector', 'analyst'] as const;
export type Duty = (typeof DUTIES)[number];

/** 三员分立: no two of these may rest on one person. */
export const SEPARATED_DUTIES: readonly Duty[] = ['admin', 'custodian', 'auditor'];

export function rankAtLeast(rank: Rank, floor: Rank): boolean {
  return RANKS.indexOf(rank) >= RANKS.indexOf(floor);
}

export const MIN_PASSWORD_LENGTH = 10;

export const loginSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, 'letters, digits and . _ @ - only');

export const personNameSchema = text().trim().min(1).max(100);
export const departmentCodeSchema = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and - only');
export const passwordSchema = z.string().min(1).max(1024);

export const newPersonSchema = z.object({
  login: loginSchema,
  name: personNameSchema,
  department: departmentCodeSchema,
  rank: z.enum(RANKS),
  duties: z.array(z.enum(DUTIES)).max(DUTIES.length).default([]),
  managerLogin: loginSchema.optional(),
  password: passwordSchema,
});
export type NewPerson = z.input<typeof newPersonSchema>;

export const newDepartmentSchema = z.object({
  code: departmentCodeSchema,
  nameZh: text().trim().min(1).max(60),
  nameEn: text().trim().min(1).max(60),
  holdsCopy: z.boolean().default(false),
  copySuffix: z
    .string()
    .regex(/^[A-Z]$/)
    .optional(),
});
export type NewDepartment = z.input<typeof newDepartmentSchema>;

/** A person as listed to administrators: never a slot, key or password. */
export interface PersonView {
  id: string;
  login: string;
  name: string;
  department: string;
  rank: Rank;
  duties: Duty[];
  managerId: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface DepartmentView {
  code: string;
  nameZh: string;
  nameEn: string;
  holdsCopy: boolean;
  copySuffix: string | null;
}

/** The signed-in person, as the renderer may know them. */
export interface ActorView {
  id: string;
  login: string;
  name: string;
  department: string;
  rank: Rank;
  duties: Duty[];
  /** What the core's policy lets them do (core/policy/permissions.ts): the renderer offers these and restates no rule. */
  may: ActorPermissions;
  /** The pages of the unlocked app they see, in menu order, each opened by `can()` (core/policy/pages.ts). */
  pages: Page[];
}

/** Decided by `can()` at unlock; the core still decides every request on its own. */
export interface ActorPermissions {
  createDossiers: boolean;
  fileCards: boolean;
  seeCatalogue: boolean;
  readJournal: boolean;
  administer: boolean;
  /** Daily visit reports and maintenance plans (issue 17 points 3 and 4). */
  fileVisitReports: boolean;
  spotCheckVisitReports: boolean;
  approvePlans: boolean;
  keepPlans: boolean;
  /** Loans, copies and records-lifecycle screens (issue 13 point 2): each the core's answer for the person's own department. */
  seeRegister: boolean;
  keepCopies: boolean;
  seeRecords: boolean;
  requestDestruction: boolean;
  manageDepartment: boolean;
  setHolds: boolean;
  recordIncidents: boolean;
  seeIncidentRegister: boolean;
  seeHandovers: boolean;
  backUp: boolean;
  seeCompliance: boolean;
  checkLeads: boolean;
  /** The dashboard's personal lists (issue 13 point 2), so the dashboard restates no rank or duty. */
  seeAssignedReviews: boolean;
  approveResets: boolean;
  seeFlagged: boolean;
  /** The analyst's page: whether this person may ask aggregate questions at all. */
  queryAnalytics: boolean;
}

/** A password reset the administrator asked for (issue 11, point 5), as its requester sees it. */
export interface ResetRequestView {
  id: string;
  login: string;
  name: string;
  requestedAt: string;
  /** Who may approve it now (department managers, the general manager, other auditors). Empty: nobody yet. */
  approvers: { login: string; name: string }[];
}

/** A reset waiting for the signed-in person's approval. */
export interface PendingResetView {
  id: string;
  login: string;
  name: string;
  department: string;
  requestedBy: string;
  requestedAt: string;
}

/** What the approver gets, once: the one-time code to hand to the owner in person. */
export interface ApprovedResetView {
  login: string;
  name: string;
  code: string;
  /** After this moment (ISO) the code no longer opens anything (settings.resetCodeHours). */
  expiresAt: string;
}

/** Told to the owner at the unlock that used a one-time code: who reset the password, and when. */
export interface ResetNotice {
  requestedBy: string;
  requestedAt: string;
  approvedBy: string;
  approvedAt: string;
}

/** A person as the people list shows them to the signed-in administrator, with what they may do on that row. */
export interface ListedPerson extends PersonView {
  /** `can('person.resetRequest')` for this person, and the account is active: the renderer offers the reset on this alone. */
  mayRequestReset: boolean;
}
