/**
 * Yearly maintenance plans (客户维护计划, seed 000 第十条、第十一条): one plan per customer per year,
 * written by the responsible account manager in the five parts of 第十条. A draft changes at once;
 * once filed, a change waits until the marketing department manager approves it (调整权由市场部经理
 * 掌握); filed plans are kept by marketing's information keeper (交市场部信息管理员归档).
 * Every write is a plan revision and one journal entry naming the parts changed, never their text.
 */
import {
  dossierPlansSchema,
  PLAN_PARTS,
  planListSchema,
  planRefSchema,
  rejectPlanSchema,
  savePlanSchema,
  type DossierPlansView,
  type PlanContent,
  type PlanSummary,
  type PlanView,
} from '../../contract/visits-plans';
import type { Db } from '../db/connection';
import { requireDossier } from '../dossiers/context';
import type { DossierRecord } from '../dossiers/repository';
import { ArchiveError } from '../errors';
import { findPersonById } from '../people/repository';
import { can, type Actor } from '../policy';
import { isPlanKeeper } from '../policy/visits-plans';
import type { Session } from '../session';
import { parseInput } from '../validate';
import * as repo from './repository';

function claimed(raw: unknown): { type: string; id: string } | null {
  const r = raw as { number?: unknown; year?: unknown } | null;
  if (typeof r?.number !== 'string' || r.number.length > 20) return null;
  return { type: 'plan', id: typeof r.year === 'number' ? `${r.number}/${r.year}` : r.number };
}

/** Parts as stored: trimmed, empty ones dropped, so "unchanged" compares equal. */
function clean(content: PlanContent): PlanContent {
  const out: PlanContent = {};
  for (const part of PLAN_PARTS) if (content[part]) out[part] = content[part];
  return out;
}

function changedParts(before: PlanContent, after: PlanContent): string[] {
  return PLAN_PARTS.filter((p) => (before[p] ?? '') !== (after[p] ?? ''));
}

function requirePlan(db: Db, dossier: DossierRecord, year: number): repo.PlanRecord {
  const plan = repo.findPlan(db, dossier.id, year);
  if (!plan) throw new ArchiveError('plan.notFound', { number: dossier.number, year });
  return plan;
}

export async function savePlan(session: Session, raw: unknown): Promise<PlanView> {
  const db = session.archive.db;
  return session.perform(
    {
      action: 'plan.write',
      object: claimed(raw),
      load: () => {
        const input = parseInput(savePlanSchema, raw);
        const dossier = requireDossier(db, input.number);
        return { input, dossier, plan: repo.findPlan(db, dossier.id, input.year) };
      },
      target: ({ dossier, plan }) => ({ plan: { responsibleId: dossier.responsibleId, authorId: plan?.authorId ?? null } }),
    },
    (ctx, { input, dossier, plan }) => {
      const at = session.archive.clock.now().toISOString();
      const actorId = session.actor.id;
      if (!plan) {
        const content = clean(input.parts);
        const status = input.file ? 'filed' : 'draft';
        if (input.file) requireComplete(content);
        ctx.commit(
          () => {
            const id = repo.insertPlan(db, { dossierId: dossier.id, year: input.year, status, content, authorId: actorId, at });
            repo.insertPlanRevision(db, id, 1, input.file ? 'file' : 'draft', at, actorId, { parts: changedParts({}, content), content });
          },
          { year: input.year, revision: 1, status, parts: changedParts({}, content) },
        );
        return viewOf(db, session.actor, requirePlan(db, dossier, input.year));
      }
      if (plan.status === 'draft') {
        const content = clean({ ...plan.content, ...input.parts });
        const parts = changedParts(plan.content, content);
        if (parts.length === 0 && !input.file) throw new ArchiveError('plan.noChange');
        if (input.file) requireComplete(content);
        const status = input.file ? 'filed' : 'draft';
        const revision = plan.revision + 1;
        ctx.commit(
          () => {
            repo.updatePlan(db, plan.id, { status, content, revision, at, filedAt: input.file ? at : null });
            repo.insertPlanRevision(db, plan.id, revision, input.file ? 'file' : 'draft', at, actorId, { parts, before: plan.content, after: content });
          },
          { year: input.year, revision, status, parts },
        );
        return viewOf(db, session.actor, requirePlan(db, dossier, input.year));
      }
      // Filed: the change is proposed, and the plan reads as before until it is approved.
      const proposed = clean({ ...(plan.pending ?? plan.content), ...input.parts });
      const parts = changedParts(plan.content, proposed);
      if (parts.length === 0) throw new ArchiveError('plan.noChange');
      requireComplete(proposed);
      const revision = plan.revision + 1;
      ctx.commit(
        () => {
          repo.setPending(db, plan.id, proposed, actorId, at, revision);
          repo.insertPlanRevision(db, plan.id, revision, 'propose', at, actorId, { parts, proposed });
        },
        { year: input.year, revision, status: 'filed', pending: true, parts },
      );
      return viewOf(db, session.actor, requirePlan(db, dossier, input.year));
    },
  );
}

function requireComplete(content: PlanContent): void {
  const missing = PLAN_PARTS.filter((p) => !content[p]);
  if (missing.length) throw new ArchiveError('plan.incomplete', { parts: missing.join(', ') });
}

async function decide(session: Session, raw: unknown, approve: boolean): Promise<PlanView> {
  const db = session.archive.db;
  return session.perform({ action: approve ? 'plan.approve' : 'plan.reject', object: claimed(raw) }, (ctx) => {
    const input = approve ? parseInput(planRefSchema, raw) : parseInput(rejectPlanSchema, raw);
    const dossier = requireDossier(db, input.number);
    const plan = requirePlan(db, dossier, input.year);
    if (plan.pending === null) throw new ArchiveError('plan.noPendingChange', { number: dossier.number, year: input.year });
    const pending = plan.pending;
    const at = session.archive.clock.now().toISOString();
    const revision = plan.revision + 1;
    const parts = changedParts(plan.content, pending);
    ctx.commit(
      () => {
        if (approve) {
          repo.updatePlan(db, plan.id, { status: 'filed', content: pending, revision, at, filedAt: plan.filedAt });
          repo.insertPlanRevision(db, plan.id, revision, 'approve', at, session.actor.id, {
            parts,
            before: plan.content,
            after: pending,
            proposedBy: plan.pendingBy,
          });
        } else {
          repo.setPending(db, plan.id, null, null, null, revision);
          const reason = 'reason' in input ? input.reason : '';
          repo.insertPlanRevision(db, plan.id, revision, 'reject', at, session.actor.id, { parts, rejected: pending, proposedBy: plan.pendingBy, reason });
        }
      },
      { year: input.year, revision, parts },
    );
    return viewOf(db, session.actor, requirePlan(db, dossier, input.year));
  });
}

export const approvePlan = (session: Session, raw: unknown): Promise<PlanView> => decide(session, raw, true);
export const rejectPlan = (session: Session, raw: unknown): Promise<PlanView> => decide(session, raw, false);

/** A customer's plans, opened: content, so a read entry. The keeper sees filed plans only. */
export async function dossierPlans(session: Session, raw: unknown): Promise<DossierPlansView> {
  const db = session.archive.db;
  return session.perform(
    {
      action: 'plan.read',
      object: claimed(raw),
      load: () => requireDossier(db, parseInput(dossierPlansSchema, raw).number),
      target: (dossier) => ({ plan: { responsibleId: dossier.responsibleId, authorId: null } }),
    },
    (_ctx, dossier) => {
      const keeperOnly = isPlanKeeper(session.actor) && dossier.responsibleId !== session.actor.id;
      const plans = repo.plansOf(db, dossier.id).filter((p) => !keeperOnly || p.status === 'filed');
      return {
        number: dossier.number,
        customerName: dossier.customerName,
        plans: plans.map((p) => viewOf(db, session.actor, p)),
        mayWrite: can(session.actor, 'plan.write', { plan: { responsibleId: dossier.responsibleId, authorId: null } }).allowed,
      };
    },
  );
}

export async function listPlans(session: Session, raw: unknown): Promise<PlanSummary[]> {
  const scopeClaimed = (raw as { scope?: unknown } | null)?.scope;
  const scope = scopeClaimed === 'pending' || scopeClaimed === 'filed' || scopeClaimed === 'mine' ? scopeClaimed : undefined;
  return session.perform({ action: 'plan.list', target: { planScope: scope }, details: { scope: scope ?? null } }, () => {
    const input = parseInput(planListSchema, raw);
    const db = session.archive.db;
    const records =
      input.scope === 'pending'
        ? repo.pendingPlans(db)
        : input.scope === 'filed'
          ? repo.filedPlans(db, input.year)
          : repo.plansWrittenBy(db, session.actor.id, input.year);
    return records.map((p) => summaryOf(db, p));
  });
}

function personRef(db: Db, id: string | null): { login: string; name: string } | null {
  const p = id ? findPersonById(db, id) : null;
  return p ? { login: p.login, name: p.name } : null;
}

function summaryOf(db: Db, p: repo.PlanRecord): PlanSummary {
  return {
    number: p.number,
    customerName: p.customerName,
    year: p.year,
    status: p.status,
    author: personRef(db, p.authorId) ?? { login: '?', name: '?' },
    filedAt: p.filedAt,
    pendingSince: p.pendingAt,
    revision: p.revision,
  };
}

function viewOf(db: Db, actor: Actor, p: repo.PlanRecord): PlanView {
  return {
    ...summaryOf(db, p),
    content: p.content,
    pending: p.pending,
    pendingBy: personRef(db, p.pendingBy),
    mayWrite: can(actor, 'plan.write', { plan: { responsibleId: p.responsibleId, authorId: p.authorId } }).allowed,
    mayApprove: p.pending !== null && can(actor, 'plan.approve').allowed,
  };
}
