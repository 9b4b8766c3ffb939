/**
 * IPC channels of the offline reader (issue 15): a package file opened in the app on a laptop,
 * with no archive at all. contract/ipc.ts merges these into REQUESTS, Responses and the generated
 * API; the handlers (src-main/ipc/handlers/reader.ts) work without an unlocked archive.
 *
 * The renderer names a path in one case only: a file dropped on the window (the path comes from
 * the preload's `webUtils.getPathForFile`); main then accepts it only if it is a package file.
 * Otherwise main's own open dialog picks the file. The passphrase passes through once, into the
 * core; main keeps the package key while the view is open and zeroes it when it closes.
 */
import { z } from 'zod';
import { SECTIONS, type DossierView, type Section } from './dossiers';
import { passphraseSchema, type OfflineWatermark } from './offline';
import { passwordSchema } from './people';
import { text } from './text';

const empty = z.object({}).strict();
const sectionSchema = z.enum(SECTIONS);

export const READER_REQUESTS = {
  /** Main's open dialog picks a package file; answers what its header says, or null. */
  'reader:choose': empty,
  /** A package file dropped on the window. */
  'reader:drop': z.object({ file: z.string().min(1).max(4096) }).strict(),
  /** Opens the chosen package with its passphrase (one `open` line in its reading log). */
  'reader:open': z.object({ passphrase: passphraseSchema }).strict(),
  /** One section for the screen; logged first. */
  'reader:show': z.object({ section: sectionSchema }).strict(),
  /** One section for the print dialog; logged first (the print is in the package's reading log). */
  'reader:print': z.object({ section: sectionSchema }).strict(),
  'reader:close': empty,
  /** Main's open dialog picks a signed revocation list; the laptop keeps it and obeys it from now on. */
  'reader:revocations': empty,
  /** The lists this laptop keeps. */
  'reader:status': empty,
  /** The package the system handed the app (double-click on a .tpkg), chosen; null when none waits. */
  'reader:waiting': empty,
  /**
   * Fetches the signed revocation list from the archive server (its certificate pinned by the
   * fingerprint), signed in as `login`; kept as a list opened by hand. The password goes no further
   * than the sign-in and is never stored.
   */
  'reader:fetchRevocations': z
    .object({
      server: text().trim().min(3).max(300),
      fingerprint: text().trim().min(1).max(200),
      login: text().trim().min(1).max(64),
      password: passwordSchema,
    })
    .strict(),
} as const satisfies Record<string, z.ZodType>;

/** What a package file says without its passphrase. */
export interface PackageDescription {
  package: string;
  dossierNumber: string;
  card: string;
  copyNumber: string;
  issuedAt: string;
  dueAt: string;
  /** Returned or revoked: the key in the file is destroyed; it never opens. */
  destroyed: boolean;
}

export interface OpenedPackageView {
  package: string;
  dossierNumber: string;
  customerName: string | null;
  secrecy: DossierView['secrecy'];
  card: string;
  copyNumber: string;
  dueAt: string;
  sections: Section[];
  reader: { name: string; login: string };
  /** Offline, copying out is never allowed: there is no archive to journal it in. */
  allowCopyOut: false;
}

export interface ReaderSection {
  section: Section;
  dossier: DossierView;
  watermark: OfflineWatermark;
  dueAt: string;
}

export interface KeptRevocationList {
  archiveId: string;
  fingerprint: string;
  createdAt: string;
  packages: number;
}

export interface ReaderResponses {
  'reader:choose': PackageDescription | null;
  'reader:drop': PackageDescription;
  'reader:open': OpenedPackageView;
  'reader:show': ReaderSection;
  'reader:print': ReaderSection;
  'reader:close': { closed: true };
  /** null when the person cancelled; `closedOpen`: the package open in the reader was on it and is closed. */
  'reader:revocations': { list: KeptRevocationList; closedOpen: boolean } | null;
  'reader:status': { lists: KeptRevocationList[] };
  'reader:waiting': PackageDescription | null;
  /** `closedOpen`: the package open in the reader was on the fetched list and is closed. */
  'reader:fetchRevocations': { list: KeptRevocationList; closedOpen: boolean };
}

/** Why the reader closed a package by itself (main → renderer). */
export type ReaderEnd = 'user' | 'due' | 'idle' | 'suspend' | 'screen-lock' | 'revoked' | 'quit';
