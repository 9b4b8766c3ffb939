/**
 * IPC channels for journal viewer, exports, reports. Fill the three tables; contract/ipc.ts merges them into REQUESTS,
 * Responses, API_CHANNELS and the generated TriplicateApi, and the router then demands a handler
 * for every channel (src-main/ipc/handlers/). Channel names are `domain:verb`; request schemas are
 * strict zod objects that never name the acting person.
 *
 * A `person` in a filter is whom the auditor asks about, never who is asking: the actor is always
 * the session's. The core parses every filter again with its own schema (core/journal/filter.ts).
 */
import { z } from 'zod';
import { text } from './text';
import type { LoanView } from './loans';

export const JOURNAL_OUTCOMES = ['ok', 'denied', 'error'] as const;
export type JournalOutcome = (typeof JOURNAL_OUTCOMES)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx', 'jsonl'] as const;
export type JournalExportFormat = (typeof EXPORT_FORMATS)[number];

/** The most entries one page may carry over IPC; the viewer asks for a few hundred at a time. */
export const MAX_JOURNAL_PAGE = 1000;

const instant = text().trim().min(4).max(40);
const login = text().trim().min(1).max(64);

export const journalFiltersSchema = z
  .object({
    from: instant.optional(),
    to: instant.optional(),
    person: login.optional(),
    object: z
      .object({ type: text().trim().min(1).max(40), id: text().trim().min(1).max(200) })
      .strict()
      .optional(),
    event: text().trim().min(1).max(100).optional(),
    outcome: z.enum(JOURNAL_OUTCOMES).optional(),
  })
  .strict();
export type JournalFilters = z.input<typeof journalFiltersSchema>;

const pageFields = {
  afterSeq: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(MAX_JOURNAL_PAGE).optional(),
};

/** channel → request schema */
export const JOURNAL_REQUESTS = {
  'journal:read': z
    .object({
      filters: journalFiltersSchema.default({}),
      ...pageFields,
      /** Fixes the prefix a scrolling viewer pages through, so new entries do not shift it. */
      maxSeq: z.number().int().min(0).optional(),
    })
    .strict(),
  'journal:verify': z.object({}).strict(),
  'journal:status': z.object({}).strict(),
  'journal:export': z.object({ format: z.enum(EXPORT_FORMATS), filters: journalFiltersSchema.default({}) }).strict(),
  'journal:cancelExport': z.object({}).strict(),
  'reports:whoOpened': z.object({ dossierId: text().trim().min(1).max(200), ...pageFields }).strict(),
  'reports:openedBy': z.object({ person: login, ...pageFields }).strict(),
  'reports:refused': z.object({ from: instant.optional(), to: instant.optional(), person: login.optional(), ...pageFields }).strict(),
  'reports:outsideHours': z
    .object({
      start: text()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
        .optional(),
      end: text()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
        .optional(),
      from: instant.optional(),
      to: instant.optional(),
      person: login.optional(),
      ...pageFields,
    })
    .strict(),
  'reports:overdueLoans': z.object({}).strict(),
} as const satisfies Record<string, z.ZodType>;

/** One journal entry as the viewer shows it (the core's JournalEntry, field for field). */
export interface JournalEntryView {
  seq: number;
  at: string;
  /** Minutes east of UTC at the workstation. */
  tzOffset: number;
  actorId: string | null;
  actorName: string | null;
  actorDuty: string | null;
  workstation: string;
  event: string;
  objectType: string | null;
  objectId: string | null;
  outcome: JournalOutcome;
  reason: string | null;
  /** Canonical JSON text. */
  details: string;
  prevHash: string;
  hash: string;
}

export interface JournalPageView {
  entries: JournalEntryView[];
  /** Pass as `afterSeq` for the next page; null when this was the last. */
  nextAfterSeq: number | null;
}

export type ChainProblemKind =
  | 'hash'
  | 'link'
  | 'sequence'
  | 'checkpoint-signature'
  | 'checkpoint-mismatch'
  | 'truncated'
  | 'time-index'
  // Issue 12: signatures by people, workstation anchors, the keyring's head.
  | 'entry-signature'
  | 'signer-mismatch'
  | 'unsigned'
  | 'unknown-key'
  | 'key-record'
  | 'checkpoint-missing'
  | 'behind-anchor'
  | 'checkpoints-missing'
  | 'root-key'
  | 'head-missing';

export interface ChainReportView {
  ok: boolean;
  count: number;
  headSeq: number;
  headHash: string;
  checkpointsVerified: number;
  lastCheckpoint: { seq: number; at: string } | null;
  problem?: { seq: number; kind: ChainProblemKind };
  /** Who signed what (issue 12); absent from reports made before it. */
  signatures?: {
    signedFrom: number | null;
    unsigned: number;
    attributable: boolean;
    latestCheckpoints: { seq: number; signer: string; role: 'session' | 'audit'; at: string }[];
    lastCheckpointByOthers: Record<string, number>;
    afterLastCheckpoint: number;
  };
  /** The head the auditor co-signed after this check, if any. */
  coSigned?: { seq: number } | null;
}

/** The last verify run of this session, if any (main keeps it; nothing is stored). */
export interface ChainStatusView {
  lastRun: { at: string; report: ChainReportView } | null;
}

export interface ExportResultView {
  file: string;
  manifestFile: string;
  count: number;
  firstSeq: number | null;
  lastSeq: number | null;
  chainHead: { seq: number; hash: string };
  /** The archive key's fingerprint: compare it, out of band, with the one the verifier is given. */
  fingerprint: string;
}

/** `cancelled` when the person closed the save dialog without choosing a file. */
export type ExportOutcomeView = ({ cancelled: false } & ExportResultView) | { cancelled: true };

export interface ExportProgressEvent {
  file: string;
  written: number;
  total: number;
}

/** channel → what it answers on success */
export interface JournalResponses {
  'journal:read': JournalPageView;
  'journal:verify': ChainReportView;
  'journal:status': ChainStatusView;
  'journal:export': ExportOutcomeView;
  'journal:cancelExport': { cancelled: boolean };
  'reports:whoOpened': JournalPageView;
  'reports:openedBy': JournalPageView;
  'reports:refused': JournalPageView;
  'reports:outsideHours': JournalPageView;
  'reports:overdueLoans': LoanView[];
}
