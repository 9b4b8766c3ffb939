/**
 * Who files, comments on and spot-checks daily visit reports (seed 004 每日客户拜访表), and who writes,
 * approves and reads yearly maintenance plans (seed 000 第十一条). Pure decisions over facts the
 * services gather first.
 */
import { rankAtLeast } from '../../contract/people';
import type { Actor } from './actor';
import { allow, deny, type Decision } from './decision';

/** 大客户业务员: the salespeople of these departments file the daily report. */
export const SALES_DEPARTMENTS: readonly string[] = ['key-accounts', 'sales'];
/** 大客户主管 by default: the manager of this department comments when no supervisor is set. */
export const KEY_ACCOUNT_DEPARTMENT = 'key-accounts';
/** 销售部经理 spot-checks (本表由销售部存档，销售部经理必须不定期地对此工作进行抽查). */
export const SPOT_CHECK_DEPARTMENT = 'sales';
/** 市场部经理 approves plan changes; 市场部信息管理员 (its custodian) keeps the filed plans. */
export const PLAN_DEPARTMENT = 'marketing';

export interface VisitReportFacts {
  authorId: string;
  /** The supervisor recorded when filed (the author's manager), or null: any key-account manager. */
  supervisorId: string | null;
}

export interface PlanFacts {
  responsibleId: string | null;
  authorId: string | null;
}

function keepsMachinery(actor: Actor): boolean {
  return actor.duties.some((d) => d === 'admin' || d === 'custodian' || d === 'auditor');
}

function isDepartmentManager(actor: Actor, department: string): boolean {
  return actor.rank === 'department-manager' && actor.department === department;
}

export function isSalesperson(actor: Actor): boolean {
  return !keepsMachinery(actor) && SALES_DEPARTMENTS.includes(actor.department) && !rankAtLeast(actor.rank, 'department-manager');
}

export function canFileVisitReport(actor: Actor): Decision {
  return isSalesperson(actor) ? allow() : deny('denied.notSalesperson');
}

export function isReportSupervisor(actor: Actor, r: Pick<VisitReportFacts, 'supervisorId'>): boolean {
  if (keepsMachinery(actor)) return false;
  return r.supervisorId !== null ? r.supervisorId === actor.id : isDepartmentManager(actor, KEY_ACCOUNT_DEPARTMENT);
}

export function canCommentVisitReport(actor: Actor, r: VisitReportFacts | undefined): Decision {
  if (!r || r.authorId === actor.id || !isReportSupervisor(actor, r)) return deny('denied.notReportSupervisor');
  return allow();
}

export function isSpotChecker(actor: Actor): boolean {
  return !keepsMachinery(actor) && isDepartmentManager(actor, SPOT_CHECK_DEPARTMENT);
}

export function canSpotCheck(actor: Actor): Decision {
  return isSpotChecker(actor) ? allow() : deny('denied.notSpotChecker');
}

/** A report's visits are content (rule 3): its author, its supervisor and the spot-checker read it. */
export function canReadVisitReport(actor: Actor, r: VisitReportFacts | undefined): Decision {
  if (!r) return deny('denied.notVisitReportReader');
  if (r.authorId === actor.id || isReportSupervisor(actor, r) || isSpotChecker(actor)) return allow();
  return deny('denied.notVisitReportReader');
}

/** The list of one's own reports, of those one supervises, or (the spot-checker) of all. */
export function canListVisitReports(actor: Actor, scope: 'mine' | 'toComment' | 'all' | undefined): Decision {
  if (keepsMachinery(actor)) return deny('denied.notVisitReportReader');
  if (scope === 'all') return canSpotCheck(actor);
  return allow();
}

/** 计划由客户经理完成: the responsible account manager, and nobody acting as collector or keeper. */
export function canWritePlan(actor: Actor, p: PlanFacts | undefined): Decision {
  if (!p || keepsMachinery(actor)) return deny('denied.notPlanWriter');
  if (p.responsibleId === actor.id && rankAtLeast(actor.rank, 'account-manager')) return allow();
  return deny('denied.notPlanWriter');
}

/** 调整权由市场部经理掌握. */
export function canApprovePlan(actor: Actor): Decision {
  return !keepsMachinery(actor) && isDepartmentManager(actor, PLAN_DEPARTMENT) ? allow() : deny('denied.notPlanApprover');
}

/** 交市场部信息管理员归档: marketing's custodian keeps (and so reads) filed plans. */
export function isPlanKeeper(actor: Actor): boolean {
  return actor.duties.includes('custodian') && actor.department === PLAN_DEPARTMENT;
}

export function canReadPlans(actor: Actor, p: PlanFacts | undefined): Decision {
  if (!p) return deny('denied.notPlanReader');
  if (isPlanKeeper(actor)) return allow('custodian');
  if (keepsMachinery(actor)) return deny('denied.notPlanReader');
  if (p.responsibleId === actor.id || (p.authorId !== null && p.authorId === actor.id)) return allow();
  if (isDepartmentManager(actor, PLAN_DEPARTMENT) || actor.rank === 'general-manager') return allow();
  return deny('denied.notPlanReader');
}

/** Lists: pending changes (the approver), filed plans (the keeper, the approver), one's own. */
export function canListPlans(actor: Actor, scope: 'pending' | 'filed' | 'mine' | undefined): Decision {
  if (scope === 'mine') return keepsMachinery(actor) ? deny('denied.notPlanReader') : allow();
  if (scope === 'filed' && isPlanKeeper(actor)) return allow('custodian');
  return canApprovePlan(actor);
}
