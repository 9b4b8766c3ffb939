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
  /**
   * Contact cadence (seed 004 服务标准): the least number of contacts a period for each class of key
   * person. 核心大客户主要负责人每周沟通1-2次, 影响者每月至少沟通2次, 非核心负责人每月沟通1-2次.
   */
  contactCadence: z
    .object({
      corePerWeek: z.number().int().min(1).max(4),
      influencerPerMonth: z.number().int().min(1).max(4),
      nonCorePerMonth: z.number().int().min(1).max(4),
    })
    .strict()
    .default({ corePerWeek: 1, influencerPerMonth: 2, nonCorePerMonth: 1 }),
  /** Callbacks (seed 004 回访客户): due this many days before a birthday (生日或寿辰的前10天) and a celebration (庆典活动的前30天). */
  callbackDaysBefore: z
    .object({ birthday: z.number().int().min(1).max(60), celebration: z.number().int().min(1).max(120) })
    .strict()
    .default({ birthday: 10, celebration: 30 }),
  /** A callback shows on the due list this many days before it is due. */
  callbackLeadDays: z.number().int().min(0).max(60).default(7),
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
