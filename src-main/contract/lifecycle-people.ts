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
