/**
 * Suspension, incidents recorded by hand and people changes (issue 16, points 7 and 8) as every
 * layer sees them. Runs anywhere: zod only.
 */
import { z } from 'zod';
import { loginSchema, RANKS } from './people';

const text = (max: number) => z.string().trim().min(1).max(max);

export const suspendSchema = z.object({ login: loginSchema, reason: text(2000) }).strict();
export const liftSchema = z.object({ login: loginSchema, note: z.string().trim().max(2000).default('') }).strict();

export const manualIncidentSchema = z
  .object({
    kind: z.enum(['lost', 'leak']),
    /** The copy concerned (e.g. KH-2026-00017-S). */
    copyNumber: text(60),
    /** Who is responsible for it: the borrower or holder. */
    login: loginSchema,
    description: text(4000),
  })
  .strict();

export const incidentIdSchema = z.object({ id: z.number().int().min(1) }).strict();

export const personChangeSchema = z
  .object({
    login: loginSchema,
    rank: z.enum(RANKS).optional(),
    department: z.string().trim().min(2).max(40).optional(),
    /** The new direct manager's login; null removes the direct manager. */
    manager: loginSchema.nullable().optional(),
  })
  .strict()
  .refine((c) => c.rank !== undefined || c.department !== undefined || c.manager !== undefined, { message: 'nothing to change' });

export interface SuspensionView {
  person: { login: string; name: string; department: string };
  reason: string;
  by: { login: string; name: string };
  at: string;
}

export interface TimelineEntry {
  seq: number;
  at: string;
  actor: string | null;
  event: string;
  outcome: string;
  object: string | null;
}

export interface CopyHolder {
  card: string;
  borrower: { login: string; name: string };
  revision: number | null;
  from: string | null;
  to: string | null;
  state: string;
}

export interface IncidentDetail {
  id: number;
  kind: 'lost' | 'leak';
  number: string;
  copyNumber: string;
  revision: number;
  person: { login: string; name: string };
  manager: { login: string; name: string } | null;
  description: string;
  at: string;
  marks: number;
  holders: CopyHolder[];
  timeline: TimelineEntry[];
}

export const startHandoverSchema = z
  .object({
    leaver: loginSchema,
    /** Takes over the leaver's dossiers as responsible account manager. */
    successor: loginSchema,
    /** Takes over the leaver's collector assignments (needed when the leaver has any). */
    collectorSuccessor: loginSchema.optional(),
  })
  .strict();
export const handoverIdSchema = z.object({ id: z.number().int().min(1) }).strict();

export interface HandoverChecklist {
  dossiers: string[];
  collectorAssignments: string[];
  loansRecalled: string[];
  cardsCancelled: string[];
  packagesRevoked: string[];
}

export interface HandoverView {
  id: number;
  leaver: { login: string; name: string; department: string };
  startedBy: { login: string; name: string };
  startedAt: string;
  successor: { login: string; name: string };
  collectorSuccessor: { login: string; name: string } | null;
  checklist: HandoverChecklist;
  successorSignedAt: string | null;
  witness: { login: string; name: string; at: string } | null;
  completedAt: string | null;
}

/** A dossier whose responsible account manager is disabled: flagged until reassigned. */
export interface OrphanedDossier {
  number: string;
  customerName: string;
  responsible: { login: string; name: string };
  department: string | null;
}
