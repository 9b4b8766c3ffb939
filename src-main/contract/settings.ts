import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/**
 * The archive's working calendar, set by the administrator (core/calendar). Defaults: Saturday and
 * Sunday off; visit reports due by 18:00 of their day; the supervisor's comment by 09:15 of the next
 * working day (seed 004: 次一工作日上午9:15前做出批示).
 */
export const workingCalendarSchema = z
  .object({
    /** 0 = Sunday … 6 = Saturday. */
    weekendDays: z.array(z.number().int().min(0).max(6)).max(7).default([0, 6]),
    /** Public holidays: days off whatever the weekday. */
    holidays: z.array(isoDate).max(400).default([]),
    /** Make-up working days (调休上班): weekend days that are working days. */
    workdays: z.array(isoDate).max(400).default([]),
    /** The end of the working day: a day's visit report is due by then (每日结束工作前上交). */
    reportDueTime: clockTime.default('18:00'),
    /** The supervisor comments by this time of the next working day. */
    commentDueTime: clockTime.default('09:15'),
  })
  .strict();
export type WorkingCalendar = z.infer<typeof workingCalendarSchema>;

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
  timeZone: z.string().max(64).refine(isTimeZoneName, { message: 'unknown time zone' }).default('Asia/Shanghai'),
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
  /** Working days (issue 17 point 3): weekends, public holidays, make-up working days (调休), and the day's deadlines. */
  workingCalendar: workingCalendarSchema.default(() => workingCalendarSchema.parse({})),
  /** Plans for the new year are listed this many days before 1 January (issue 17 point 4). */
  planLeadDays: z.number().int().min(0).max(120).default(30),
  /** Issue 17 point 6: a satisfaction score below this (1–5 scale) is an unsatisfied item and gets a follow-up. */
  satisfactionThreshold: z.number().int().min(2).max(5).default(3),
  /** Days a follow-up of an unsatisfied item has, unless its survey names a due date. */
  followUpDays: z.number().int().min(1).max(90).default(7),
  /** 首小时响应: minutes a complaint has for its first response. */
  complaintResponseMinutes: z.number().int().min(5).max(1440).default(60),
  /** 24小时内提供解决方案: hours a complaint has for its solution. */
  complaintSolutionHours: z.number().int().min(1).max(720).default(24),
  /** The longest renewal a borrower may ask for, in days (one renewal per loan). */
  maxRenewalDays: z.number().int().min(1).max(90).default(7),
  /** The information analyst never sees a group of fewer customers than this (seed 004; k-anonymity). */
  analystMinGroupSize: z.number().int().min(2).max(1000).default(5),
  // Lead intake (issue 18 point 1, seed 004)
  /** A lead below this quantity is invalid (标的量须在3台以上，否则视为无效). */
  leadMinQuantity: z.number().int().min(1).max(10_000).default(3),
  /** The key-account department checks a new lead within this many working days (两个工作日内反馈). */
  leadCheckWorkingDays: z.number().int().min(1).max(30).default(2),
  /** The expiry date a valid lead is offered by default, this many days after the check. */
  leadValidDays: z.number().int().min(1).max(730).default(90),
  // Visit reports and plans (issue 17 points 3 and 4, seeds 004 and 000)
  /** 不定期抽查: the sales department manager's next spot check is due this many days after the last (one a week). */
  spotCheckDays: z.number().int().min(1).max(31).default(7),
  /** 调整权由市场部经理掌握: a plan change waits this many days for the marketing department manager's approval. */
  planApprovalDays: z.number().int().min(1).max(30).default(3),
  /** A password reset's one-time code opens its slot only this many hours after the approval; then a new reset is needed. */
  resetCodeHours: z.number().int().min(1).max(720).default(72),
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

/**
 * A change of an object setting names only the fields it changes; the others keep their stored
 * value (core/settings/service.ts merges). Its fields lose their defaults for the same reason as
 * the settings below.
 */
function partialOf(field: z.ZodType): z.ZodType {
  if (!(field instanceof z.ZodObject)) return field;
  const shape = Object.fromEntries(
    Object.entries(field.shape as Record<string, z.ZodType>).map(([key, f]) => [key, (f instanceof z.ZodDefault ? (f.unwrap() as z.ZodType) : f).optional()]),
  );
  return z.object(shape).strict();
}

/** What a change may say about each setting: a whole value, or for an object some of its fields. */
export type SettingsUpdate = {
  [K in keyof ArchiveSettings]?: ArchiveSettings[K] extends unknown[]
    ? ArchiveSettings[K]
    : ArchiveSettings[K] extends object
      ? Partial<ArchiveSettings[K]>
      : ArchiveSettings[K];
};

/**
 * A change names only the settings it changes. Built from the fields without their defaults:
 * `.partial()` keeps zod 4's defaults, so a change of one setting would reset every other.
 */
export const settingsUpdateSchema = z
  .object(Object.fromEntries(Object.entries(archiveSettingsSchema.shape).map(([key, field]) => [key, partialOf(field.unwrap() as z.ZodType).optional()])))
  .strict() as unknown as z.ZodType<SettingsUpdate>;
