/**
 * IPC channels for the one due list and contact-cadence compliance (issue 17 points 1 and 8).
 * contract/ipc.ts merges these into REQUESTS and Responses; api-channels.ts names the functions.
 * Neither request names a person: the due list is always the signed-in person's own.
 */
import { z } from 'zod';
import { text } from './text';
import type { ContactClass } from './dossiers';
import type { DueItem } from './due';

/** One account manager's contact cadence right now, for a department manager (issue 18's charts read this too). */
export interface CadenceComplianceRow {
  manager: { login: string; name: string };
  department: string;
  contactClass: ContactClass;
  /** classified key persons of the manager's customers */
  keyPersons: number;
  /** contacted enough in this period already */
  met: number;
  /** still to be contacted this period (the one before was met) */
  due: number;
  /** a whole period went by without enough contacts */
  overdue: number;
  /** (keyPersons − overdue) / keyPersons; 1 when there are none */
  rate: number;
}

export interface CadenceCompliance {
  department: string | null;
  /** ISO 8601: the moment the figures hold for */
  at: string;
  rows: CadenceComplianceRow[];
}

export const complianceQuerySchema = z.object({ department: text().trim().min(2).max(40).optional() }).strict();

export const DUE_REQUESTS = {
  'due:list': z.object({}).strict(),
  'due:compliance': complianceQuerySchema,
} as const;

export interface DueResponses {
  'due:list': DueItem[];
  'due:compliance': CadenceCompliance;
}
