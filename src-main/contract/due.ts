/**
 * The one due list (issue 17 point 8): every piece of work a person has to do, whatever part of the
 * archive it comes from, in one shape, so the dashboard and `triplicate due` print the same items.
 */
export const DUE_KINDS = [
  'review',
  'contact',
  'callback',
  'visitReport',
  'reportComment',
  'spotCheck',
  'plan',
  'planApproval',
  'survey',
  'satisfactionFollowUp',
  'complaint',
  'regrade',
  'lead',
] as const;
export type DueKind = (typeof DUE_KINDS)[number];

export interface DueItem {
  kind: DueKind;
  /** Unique within the list and stable between calls (e.g. `contact:<keyPersonId>:<periodStart>`). */
  key: string;
  /** The customer it is about, when there is one; catalogue-level facts only. */
  dossierId: string | null;
  dossierNumber: string | null;
  customerName: string | null;
  /** What else names the work (a key person's name, a report's date, a survey's half-year); plain text. */
  subject: string | null;
  /** When it is due (ISO 8601); the list is sorted by it. */
  dueAt: string;
  overdue: boolean;
  /**
   * Set on the one item that stands for this many more of its kind, not listed (the list shows the
   * most urgent of each kind first); its key is `more:<kind>`.
   */
  more?: number;
}
