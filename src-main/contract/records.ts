/**
 * Legal holds, destruction requests and the destruction record (销毁清册) as every layer sees them
 * (issue 16, points 2 and 3). Runs anywhere: zod only.
 */
import { z } from 'zod';

const number = z.string().trim().min(1).max(40);
const text = (max: number) => z.string().trim().min(1).max(max);

export const newHoldSchema = z
  .object({
    name: text(200),
    reason: text(2000),
    /** Dossiers by archive number… */
    numbers: z.array(number).max(10_000).default([]),
    /** …and/or every dossier of a customer (by exact customer name), present and future. */
    customer: text(200).optional(),
  })
  .strict()
  .refine((h) => h.numbers.length > 0 || h.customer !== undefined, { message: 'name dossiers or a customer' });
export type NewHold = z.input<typeof newHoldSchema>;

export const holdIdSchema = z.object({ id: z.number().int().min(1) }).strict();

export const destructionRequestSchema = z.object({ number, reason: text(2000) }).strict();
export const bulkDestructionSchema = z.object({ numbers: z.array(number).min(1).max(1000), reason: text(2000) }).strict();
export const destructionDecisionSchema = z.object({ id: z.number().int().min(1), note: z.string().trim().max(2000).default('') }).strict();

export interface HoldView {
  id: number;
  name: string;
  reason: string;
  customer: string | null;
  numbers: string[];
  setBy: { login: string; name: string };
  setAt: string;
  released: { by: { login: string; name: string }; at: string } | null;
}

export type DestructionState = 'pending' | 'rejected' | 'destroyed';

export interface DestructionRequestView {
  id: number;
  number: string;
  customerName: string;
  path: string;
  reason: string;
  requestedBy: { login: string; name: string };
  requestedAt: string;
  state: DestructionState;
  departments: string[];
  decisions: { department: string; approver: { login: string; name: string }; decision: 'approve' | 'reject'; note: string; at: string }[];
  held: boolean;
}

/** One line of the destruction record (销毁清册). */
export interface DestructionRecordLine {
  id: number;
  number: string;
  customerName: string;
  copies: string[];
  revisions: number;
  contentSha256: string;
  requestedBy: string;
  approvers: string[];
  destroyedBy: string;
  destroyedAt: string;
}

export const retentionDecisionSchema = z
  .object({
    number,
    decision: z.enum(['keep', 'archive', 'destroy']),
    /** keep: the new date the dossier is kept until (ISO date). */
    until: z.string().trim().min(10).max(40).optional(),
    /** destroy: why (goes on the destruction request). */
    reason: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((d) => d.decision !== 'keep' || d.until !== undefined, { message: 'keep needs until' });

export interface RetentionDueRow {
  number: string;
  customerName: string;
  grade: 'A' | 'B' | 'C';
  lifecycle: string;
  department: string | null;
  lastInteraction: string;
  retentionEnds: string;
  /** retention: the retention period has ended; three-year: no interaction for three years. */
  reason: 'retention' | 'three-year';
  held: boolean;
}
