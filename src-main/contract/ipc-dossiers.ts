/**
 * IPC channels for dossiers, copies, catalogue, reviews. Fill the three tables; contract/ipc.ts merges them into REQUESTS,
 * Responses, API_CHANNELS and the generated TriplicateApi, and the router then demands a handler
 * for every channel (src-main/ipc/handlers/). Channel names are `domain:verb`; request schemas are
 * strict zod objects that never name the acting person.
 */
import { z } from 'zod';
import {
  archiveNumberSchema,
  catalogueQuerySchema,
  copyNumberSchema,
  dossierRefSchema,
  dossierUpdateSchema,
  lostCopySchema,
  newDossierSchema,
  openDossierSchema,
  reissueCopySchema,
  reviewListSchema,
  revisionRefSchema,
  type CataloguePage,
  type CopySheet,
  type CopyView,
  type CopyRow,
  type DossierSummary,
  type DossierView,
  type ReviewDueRow,
  type RevisionDiff,
} from './dossiers';

/** channel → request schema (the same schemas the core parses again: the router is not trusted by the core). */
export const DOSSIER_REQUESTS = {
  'dossiers:search': catalogueQuerySchema,
  'dossiers:create': newDossierSchema,
  'dossiers:update': dossierUpdateSchema,
  'dossiers:file': dossierRefSchema,
  'dossiers:open': openDossierSchema,
  'dossiers:revision': revisionRefSchema,
  'copies:list': z.object({ number: archiveNumberSchema }).strict(),
  'copies:reissue': reissueCopySchema,
  'copies:lost': lostCopySchema,
  'copies:sheet': z.object({ copyNumber: copyNumberSchema }).strict(),
  'reviews:list': reviewListSchema,
  'reviews:noChange': dossierRefSchema,
} as const satisfies Record<string, z.ZodType>;

/** channel → what it answers on success */
export interface DossierResponses {
  'dossiers:search': CataloguePage;
  'dossiers:create': DossierSummary;
  'dossiers:update': DossierSummary;
  'dossiers:file': { number: string; copies: string[] };
  'dossiers:open': DossierView;
  'dossiers:revision': RevisionDiff;
  'copies:list': CopyRow[];
  'copies:reissue': CopyView;
  'copies:lost': CopyView;
  'copies:sheet': CopySheet;
  'reviews:list': { overdue: number; rows: ReviewDueRow[] };
  'reviews:noChange': { number: string; reviewedAt: string };
}
