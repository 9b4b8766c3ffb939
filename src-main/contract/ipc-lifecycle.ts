/**
 * IPC channels for the records lifecycle (issue 16): backups, legal holds, destruction, suspension,
 * incidents and people changes. contract/ipc.ts merges these tables into REQUESTS, Responses and
 * the generated API; the router demands a handler for every channel (ipc/handlers/lifecycle.ts).
 * No request names the acting person: a login in a request is whom the act is about.
 */
import { z } from 'zod';

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
} as const;

export interface LifecycleResponses {
  'backup:run': ({ cancelled: true } | ({ cancelled: false } & BackupReportView));
  'backup:status': BackupStatusView;
}
