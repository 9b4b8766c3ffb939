/**
 * IPC channels for cards, loans, holds, register, notifications, reading. contract/ipc.ts merges
 * these tables into REQUESTS, Responses, API_CHANNELS and the generated TriplicateApi, and the
 * router then demands a handler for every channel (src-main/ipc/handlers/loans.ts). Channel names
 * are `domain:verb`; request schemas are strict zod objects that never name the acting person:
 * the borrower, approver and reader are always the signed-in person (rule 5).
 */
import { z } from 'zod';
import { text } from './text';
import type { CataloguePage } from './dossiers';
import {
  cardRefSchema,
  copyOutSchema,
  listLoansSchema,
  lostLoanSchema,
  newCardSchema,
  notificationRefSchema,
  printLoanSchema,
  readLoanSchema,
  recallLoanSchema,
  registerQuerySchema,
  rejectCardSchema,
  renewLoanSchema,
  type BorrowerHistory,
  type LoanReading,
  type LoanView,
  type NotificationView,
  type Watermark,
} from './loans';
import {
  issuePackageRequestSchema,
  returnPackageRequestSchema,
  revokePackageRequestSchema,
  type IssuedPackage,
  type ReturnedPackage,
  type RevokedPackage,
} from './offline';

const empty = z.object({}).strict();

/** channel → request schema */
export const LOAN_REQUESTS = {
  'cards:file': newCardSchema,
  'cards:approve': cardRefSchema,
  'cards:reject': rejectCardSchema,
  'cards:cancel': cardRefSchema,
  /** Cards and renewals awaiting the signed-in person's approval. */
  'cards:pending': empty,
  /** The borrower's record for the approver (审核借阅资格). */
  'cards:history': cardRefSchema,
  /** Filed dossiers and their copies, for picking what a card asks for (catalogue columns only). */
  'cards:findCopies': z.object({ text: text().trim().max(100) }).strict(),
  /** Without a department: my own cards. With one: that department's loans (its custodians, managers). */
  'loans:list': listLoansSchema,
  'loans:renew': renewLoanSchema,
  'loans:recall': recallLoanSchema,
  'loans:return': cardRefSchema,
  'loans:lost': lostLoanSchema,
  'loans:read': readLoanSchema,
  'loans:print': printLoanSchema,
  'loans:copyOut': copyOutSchema,
  'register:search': registerQuerySchema,
  /** CSV through the core; main asks where to save it, the renderer never names a path. */
  'register:export': registerQuerySchema,
  'notifications:list': z.object({ unreadOnly: z.boolean().default(false) }).strict(),
  'notifications:read': notificationRefSchema,
  /** Offline packages (core/offline): main asks where to save / which file; the renderer never names a path. */
  'offline:issue': issuePackageRequestSchema,
  'offline:return': returnPackageRequestSchema,
  'offline:revocations': empty,
  /** The custodian (desk) or the borrower (a lost laptop) revokes the package out on a card. */
  'offline:revoke': revokePackageRequestSchema,
  /** The signed revocation list as text: what a laptop fetches from the archive server (issue 15). */
  'offline:revocationList': empty,
} as const satisfies Record<string, z.ZodType>;

export type LostLoanView = LoanView & { incident: number; marks: number; manager: string | null };

/** channel → what it answers on success */
export interface LoanResponses {
  'cards:file': LoanView;
  'cards:approve': LoanView;
  'cards:reject': LoanView;
  'cards:cancel': LoanView;
  'cards:pending': LoanView[];
  'cards:history': BorrowerHistory;
  'cards:findCopies': CataloguePage;
  'loans:list': LoanView[];
  'loans:renew': LoanView;
  'loans:recall': LoanView;
  'loans:return': LoanView;
  'loans:lost': LostLoanView;
  'loans:read': LoanReading;
  'loans:print': Watermark;
  'loans:copyOut': Watermark;
  'register:search': LoanView[];
  /** `file` is null when the person cancelled the save dialog. */
  'register:export': { file: string | null; count: number };
  'notifications:list': NotificationView[];
  'notifications:read': { done: true };
  /** null when the person closed the dialog. */
  'offline:issue': IssuedPackage | null;
  'offline:return': ReturnedPackage | null;
  'offline:revocations': { file: string | null; count: number };
  'offline:revoke': RevokedPackage;
  'offline:revocationList': { list: string; count: number };
}
