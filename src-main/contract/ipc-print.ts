/**
 * A printout saved as PDF (issue 19): the page the person sees, rendered by Electron's
 * `printToPDF` on A4 with the print rules every printout uses. Only documents someone could export
 * anyway are offered, and the core decides and journals each save like the export it is; a
 * dossier's content is never saved this way (it is read in the app, and printed only on paper).
 */
import { z } from 'zod';

export const PDF_DOCUMENTS = ['register', 'report', 'destructionRecord'] as const;
export type PdfDocument = (typeof PDF_DOCUMENTS)[number];

export const PRINT_REQUESTS = {
  'print:pdf': z
    .object({
      document: z.enum(PDF_DOCUMENTS),
      /** The register's department (whose copies it lists); the policy decides on it. */
      department: z.string().min(1).max(64).optional(),
    })
    .strict(),
} as const satisfies Record<string, z.ZodType>;

export interface PrintResponses {
  /** null: the person closed the save dialog and nothing was written. */
  'print:pdf': { file: string | null; bytes: number };
}
