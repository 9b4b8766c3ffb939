/**
 * Chinese conventions for dates (issue 19, point 7): antd's pickers get dayjs's zh-cn names, one
 * formatting helper follows the app's language, and review dates are counted on the archive's
 * calendar (Asia/Shanghai by default), right at the ends of months.
 */
import dayjs from 'dayjs';
import { afterEach, describe, expect, it } from 'vitest';
import { archiveSettingsSchema } from '../../src-main/contract/settings';
import { addMonths, reviewCutoffs } from '../../src-main/core/dossiers/catalogue';
import { addMonthsInZone, fromWallTime, wallTime } from '../../src-main/core/time-zone';
import { applyDateLocale } from '../../src-renderer/i18n/dateLocale';
import { appLocale, formatDate, formatDateTime, formatNumber } from '../../src-renderer/i18n/format';

afterEach(() => applyDateLocale('en'));

describe("dayjs locale for antd's pickers", () => {
  it('names weekdays and months in Chinese when the app is in Chinese, in English otherwise', () => {
    applyDateLocale('zh-CN');
    const day = dayjs('2026-01-31T12:00:00');
    expect(day.format('dddd')).toBe('星期六');
    expect(day.format('MMMM')).toBe('一月');
    expect(day.format('dd')).toBe('六');
    // A dayjs object keeps the locale it was made with; antd makes new ones.
    applyDateLocale('en');
    expect(dayjs('2026-01-31T12:00:00').format('dddd MMMM')).toBe('Saturday January');
  });
});

describe('formatting helper', () => {
  it("writes dates, times and numbers the app language's way, whatever the system locale", () => {
    const at = '2026-01-31T06:05:00Z';
    expect(formatDateTime(at, 'zh-CN', 'Asia/Shanghai')).toBe('2026年1月31日 14:05');
    expect(formatDate(at, 'zh-CN', 'Asia/Shanghai')).toBe('2026年1月31日');
    expect(formatDateTime(at, 'en', 'Asia/Shanghai')).toBe('31 Jan 2026, 14:05');
    expect(formatDate(at, 'en', 'UTC')).toBe('31 Jan 2026');
    expect(formatNumber(1234567, 'zh-CN')).toBe('1,234,567');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    expect(formatDateTime(null, 'zh-CN')).toBe('—');
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
    expect(appLocale('en')).toBe('en');
    expect(appLocale('zh-CN')).toBe('zh-CN');
    expect(appLocale(undefined)).toBe('zh-CN');
  });
});

describe("review dates on the archive's calendar", () => {
  it('defaults the archive to Asia/Shanghai and refuses a zone Intl does not know', () => {
    expect(archiveSettingsSchema.parse({}).timeZone).toBe('Asia/Shanghai');
    expect(archiveSettingsSchema.safeParse({ timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(archiveSettingsSchema.parse({ timeZone: 'Europe/Berlin' }).timeZone).toBe('Europe/Berlin');
  });

  it('a review on 31 August (Beijing, 30 August in UTC) is next due on 30 November, Beijing', () => {
    const reviewed = '2026-08-30T17:00:00.000Z'; // 2026-08-31 01:00 in Beijing
    const next = addMonths(reviewed, 3, 'Asia/Shanghai');
    expect(next.toISOString()).toBe('2026-11-29T17:00:00.000Z'); // 2026-11-30 01:00 in Beijing
    expect(wallTime(next, 'Asia/Shanghai')).toMatchObject({ year: 2026, month: 11, day: 30, hour: 1 });
    // UTC month arithmetic (what it was) lands on 1 December in Beijing.
    const utc = new Date(reviewed);
    utc.setUTCMonth(utc.getUTCMonth() + 3);
    expect(wallTime(utc, 'Asia/Shanghai').day).toBe(1);
  });

  it('clamps to the last day of the month, leap years included, and counts backwards the same way', () => {
    const shanghai = (y: number, m: number, d: number, h = 9) =>
      fromWallTime({ year: y, month: m, day: d, hour: h, minute: 0, second: 0, ms: 0 }, 'Asia/Shanghai');
    const day = (at: Date) => wallTime(at, 'Asia/Shanghai');
    expect(day(addMonthsInZone(shanghai(2027, 11, 30), 3))).toMatchObject({ year: 2028, month: 2, day: 29, hour: 9 });
    expect(day(addMonthsInZone(shanghai(2026, 11, 30), 3))).toMatchObject({ year: 2027, month: 2, day: 28 });
    expect(day(addMonthsInZone(shanghai(2026, 12, 31), 3))).toMatchObject({ year: 2027, month: 3, day: 31 });
    expect(day(addMonthsInZone(shanghai(2026, 5, 31), -3))).toMatchObject({ year: 2026, month: 2, day: 28 });
    // Just after midnight in Beijing on the 1st is still the 1st three months later.
    expect(day(addMonthsInZone(shanghai(2026, 3, 1, 0), 3))).toMatchObject({ month: 6, day: 1, hour: 0 });
  });

  it("the overdue cut-off is the moment one period before now on the archive's calendar", () => {
    const now = fromWallTime({ year: 2026, month: 11, day: 30, hour: 1, minute: 0, second: 0, ms: 0 }, 'Asia/Shanghai');
    const cut = reviewCutoffs(now, 3, 0, 'Asia/Shanghai');
    expect(wallTime(new Date(cut.overdue), 'Asia/Shanghai')).toMatchObject({ year: 2026, month: 8, day: 30, hour: 1 });
  });

  it('keeps the wall-clock hour across a DST change where the zone has one', () => {
    const berlin = fromWallTime({ year: 2026, month: 1, day: 15, hour: 9, minute: 0, second: 0, ms: 0 }, 'Europe/Berlin');
    expect(wallTime(addMonthsInZone(berlin, 6, 'Europe/Berlin'), 'Europe/Berlin')).toMatchObject({ month: 7, day: 15, hour: 9 });
  });
});
