/**
 * IPC channels for the records lifecycle (issue 16): backups, legal holds, destruction, suspension,
 * incidents and people changes. contract/ipc.ts merges these tables into REQUESTS, Responses and
 * the generated API; the router demands a handler for every channel (ipc/handlers/lifecycle.ts).
 * No request names the acting person: a login in a request is whom the act is about.
 */
import { z } from 'zod';
import {
  bulkDestructionSchema,
  destructionDecisionSchema,
  destructionRequestSchema,
  holdIdSchema,
  newHoldSchema,
  retentionDecisionSchema,
  type RetentionDueRow,
  type DestructionRecordLine,
  type DestructionRequestView,
  type HoldView,
} from './records';
import {
  incidentIdSchema,
  liftSchema,
  manualIncidentSchema,
  personChangeSchema,
  startHandoverSchema,
  handoverIdSchema,
  suspendSchema,
  type HandoverView,
  type OrphanedDossier,
  type IncidentDetail,
  type SuspensionView,
} from './lifecycle-people';
import type { FlaggedPerson } from './loans';
import type { ListedPerson } from './people';

export interface BackupReportView {
  file: string;
  size: number;
  journalSeq: number;
  at: string;
}

export interface BackupStatusView {
  last: { at: string; by: string; fileName: string; size: number; journalSeq: number } | null;
  ageDays: number | null;
  intervalDays: number;
  overdue: boolean;
}

export interface BackupProgressEvent {
  phase: 'snapshot' | 'write' | 'done';
  written: number;
  total: number;
}

const empty = z.object({}).strict();

/** channel → request schema */
export const LIFECYCLE_REQUESTS = {
  'backup:run': empty,
  'backup:status': empty,
  'holds:list': empty,
  'holds:set': newHoldSchema,
  'holds:release': holdIdSchema,
  'destruction:list': z.object({ state: z.enum(['pending', 'rejected', 'destroyed']).optional() }).strict(),
  'destruction:request': destructionRequestSchema,
  'destruction:requestBulk': bulkDestructionSchema,
  'destruction:approve': destructionDecisionSchema,
  'destruction:reject': destructionDecisionSchema,
  'destruction:record': empty,
  'destruction:exportRecord': empty,
  'personnel:suspend': suspendSchema,
  'personnel:lift': liftSchema,
  'personnel:suspensions': empty,
  'incidents:record': manualIncidentSchema,
  'incidents:register': empty,
  'incidents:open': incidentIdSchema,
  'incidents:flagged': empty,
  'personnel:change': personChangeSchema,
  'handover:start': startHandoverSchema,
  'handover:sign': handoverIdSchema,
  'handover:list': empty,
  'handover:orphans': empty,
  'retention:due': empty,
  'retention:decide': retentionDecisionSchema,
} as const;

export interface LifecycleResponses {
  'backup:run': { cancelled: true } | ({ cancelled: false } & BackupReportView);
  'backup:status': BackupStatusView;
  'holds:list': HoldView[];
  'holds:set': HoldView;
  'holds:release': HoldView;
  'destruction:list': DestructionRequestView[];
  'destruction:request': DestructionRequestView;
  'destruction:requestBulk': { number: string; ok: boolean; id?: number; error?: { code: string; params: Record<string, string | number> } }[];
  'destruction:approve': DestructionRequestView;
  'destruction:reject': DestructionRequestView;
  'destruction:record': DestructionRecordLine[];
  'destruction:exportRecord': { cancelled: true } | { cancelled: false; file: string; lines: number };
  'personnel:suspend': SuspensionView;
  'personnel:lift': { login: string; lifted: true };
  'personnel:suspensions': SuspensionView[];
  'incidents:record': IncidentDetail;
  'incidents:register': IncidentDetail[];
  'incidents:open': IncidentDetail;
  'incidents:flagged': FlaggedPerson[];
  'personnel:change': ListedPerson;
  'handover:start': HandoverView;
  'handover:sign': HandoverView;
  'handover:list': HandoverView[];
  'handover:orphans': OrphanedDossier[];
  'retention:due': RetentionDueRow[];
  'retention:decide': { number: string; decision: string; requestId?: number };
}
