/**
 * Offline packages (离线借阅包): the requests and views every layer shares. Runs anywhere: zod only.
 * The borrower is never named by a request (rule 5); file paths come from main's dialogs or the CLI.
 */
import { z } from 'zod';
import { text } from './text';
import { cardNumberSchema } from './loans';
import { SECTIONS, type DossierView, type Section } from './dossiers';
import { MIN_PASSWORD_LENGTH } from './people';

/** The passphrase the borrower sets for one package: as long as an account password, never stored. */
export const MIN_PASSPHRASE_LENGTH = MIN_PASSWORD_LENGTH;
export const passphraseSchema = z.string().min(1).max(1024);

const pathSchema = text().min(1).max(4096);
export const packageIdSchema = text().uuid();
const sectionsSchema = z.array(z.enum(SECTIONS)).min(1).max(SECTIONS.length);

/** Core input for issuing (CLI and main); `out` is chosen by main's save dialog or the CLI's --out. */
export const issuePackageSchema = z
  .object({ card: cardNumberSchema, passphrase: passphraseSchema, sections: sectionsSchema.optional(), out: pathSchema, force: z.boolean().default(false) })
  .strict();
export type IssuePackageInput = z.input<typeof issuePackageSchema>;

/**
 * Core input for receiving a package back; the reading log is `<file>.readlog` unless named.
 * `card`, when given (the app: the loan the custodian clicked), must be the package's card.
 */
export const returnPackageSchema = z.object({ file: pathSchema, log: pathSchema.optional(), card: cardNumberSchema.optional() }).strict();

/** By package id (CLI), or by the card whose package is out (the app's loan lists). */
export const revokePackageSchema = z
  .object({ package: packageIdSchema.optional(), card: cardNumberSchema.optional(), reason: text().trim().min(2).max(1000) })
  .strict()
  .refine((v) => (v.package === undefined) !== (v.card === undefined), { message: 'name either the package or the card' });

export const exportRevocationsSchema = z.object({ out: pathSchema, force: z.boolean().default(false) }).strict();

/** IPC: the renderer never names a path; main asks where to save or which file to open. */
export const issuePackageRequestSchema = z.object({ card: cardNumberSchema, passphrase: passphraseSchema, sections: sectionsSchema.optional() }).strict();
export const returnPackageRequestSchema = z.object({ card: cardNumberSchema }).strict();
/** IPC: revoke the package out on this card (the custodian desk, the borrower's loans). */
export const revokePackageRequestSchema = z.object({ card: cardNumberSchema, reason: z.string().trim().min(2).max(1000) }).strict();
export const openPackageRequestSchema = z.object({ passphrase: passphraseSchema, sections: sectionsSchema.optional() }).strict();

export interface IssuedPackage {
  package: string;
  card: string;
  file: string;
  dueAt: string;
  sections: Section[];
  keyFingerprint: string;
}

export type ReadingLogStatus = 'intact' | 'broken' | 'missing';

export interface ReturnedPackage {
  package: string;
  card: string;
  /** Offline reads (and refused attempts) brought into the journal. */
  imported: number;
  log: ReadingLogStatus;
  /** Where the log stopped verifying, 1-based line; null when intact. */
  problem: { line: number; kind: string } | null;
  incident: number | null;
  /** The loan's state after the return (the loan itself goes through loans' own return). */
  loanState: string;
  /**
   * What the custodian must look at: `late` — it came back after its due time; `afterReturn` —
   * the package had been returned before, so these reads were made on a copy of it.
   */
  flags: ReturnFlag[];
  /** The content key in the returned file was destroyed (false: the file could not be written). */
  keyDestroyed: boolean;
}

export type ReturnFlag = 'late' | 'afterReturn';

export interface RevokedPackage {
  package: string;
  card: string;
  revokedAt: string;
}

export interface OfflineWatermark {
  readerName: string;
  readerLogin: string;
  card: string;
  copyNumber: string;
  at: string;
  offline: true;
}

export interface OfflineReading {
  package: string;
  dossier: DossierView;
  watermark: OfflineWatermark;
  dueAt: string;
  keyFingerprint: string;
}
