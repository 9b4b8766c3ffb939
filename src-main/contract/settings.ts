import { z } from 'zod';

/** Archive-wide settings the administrator sets; every field has a default so old archives read fine. */
export const archiveSettingsSchema = z.object({
  /** Lock after this many minutes without input (domain.md: default 5). */
  idleLockMinutes: z.number().int().min(1).max(120).default(5),
  /** Rule 3: the responsible account manager may read without a loan only when this is on. */
  standingAccess: z.boolean().default(false),
  /** Every dossier is reviewed this often (三个月增补或调整一次). */
  reviewPeriodMonths: z.number().int().min(1).max(24).default(3),
  /** The longest period a borrow card may ask for (借阅期限), in days. */
  maxLoanDays: z.number().int().min(1).max(90).default(7),
  /** Whether a borrower may copy dossier content out of the reading view at all (journaled when allowed). */
  allowCopyOut: z.boolean().default(false),
  /** The administrator's dashboard warns when the last backup is older than this (issue 16). */
  backupIntervalDays: z.number().int().min(1).max(365).default(7),
  /** The archive's calendar: review dates and printed dates follow it (IANA name; core/time-zone.ts). */
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZoneName, { message: 'unknown time zone' })
    .default('Asia/Shanghai'),
  /** Retention in years by grade, counted from the last interaction (issue 16); a lost customer's from the end of the relationship. */
  retentionYears: z
    .object({ A: z.number().int().min(1).max(50), B: z.number().int().min(1).max(50), C: z.number().int().min(1).max(50) })
    .strict()
    .default({ A: 10, B: 5, C: 3 }),
  // Lead intake (issue 18 point 1, seed 004)
  /** A lead below this quantity is invalid (标的量须在3台以上，否则视为无效). */
  leadMinQuantity: z.number().int().min(1).max(10_000).default(3),
  /** The key-account department checks a new lead within this many working days (两个工作日内反馈). */
  leadCheckWorkingDays: z.number().int().min(1).max(30).default(2),
  /** The expiry date a valid lead is offered by default, this many days after the check. */
  leadValidDays: z.number().int().min(1).max(730).default(90),
});

/** Intl knows the zone (the renderer and main both have full ICU). */
function isTimeZoneName(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
export type ArchiveSettings = z.infer<typeof archiveSettingsSchema>;

export const settingsUpdateSchema = archiveSettingsSchema.partial().strict();
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;
