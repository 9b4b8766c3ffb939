/**
 * The working calendar (core/calendar): seed 004 每日客户拜访表 — 每日结束工作前上交; 大客户主管于次一
 * 工作日上午9:15前做出批示. Times are the archive's zone (Asia/Shanghai, UTC+8).
 */
import { describe, expect, it } from 'vitest';
import { workingCalendarSchema } from '../../src-main/contract/settings';
import { commentDueAt, isWorkingDay, nextWorkingDay, reportDueAt } from '../../src-main/core/calendar/working-days';

const TZ = 'Asia/Shanghai';
const plain = workingCalendarSchema.parse({});
// 国庆节 2026: 1–7 October off; Saturday 10 October a make-up working day (调休上班).
const national = workingCalendarSchema.parse({
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-10-10'],
});

describe('working days (seed 004: 次一工作日)', () => {
  it('weekends are off, holidays are off, make-up days are on', () => {
    expect(isWorkingDay('2026-01-09', plain)).toBe(true); // Friday
    expect(isWorkingDay('2026-01-10', plain)).toBe(false); // Saturday
    expect(isWorkingDay('2026-10-01', national)).toBe(false); // Thursday, National Day
    expect(isWorkingDay('2026-10-10', national)).toBe(true); // Saturday, make-up day
    expect(isWorkingDay('2026-10-10', plain)).toBe(false);
  });

  it('the supervisor comments on a Friday report by 09:15 on Monday, across the weekend', () => {
    expect(commentDueAt('2026-01-09', new Date('2026-01-09T09:00:00Z'), plain, TZ).toISOString()).toBe('2026-01-12T01:15:00.000Z');
  });

  it('a report of the day before a public holiday is commented by 09:15 on the first working day after it', () => {
    expect(nextWorkingDay('2026-09-30', national)).toBe('2026-10-08');
    expect(commentDueAt('2026-09-30', new Date('2026-09-30T09:00:00Z'), national, TZ).toISOString()).toBe('2026-10-08T01:15:00.000Z');
  });

  it('a make-up Saturday is the next working day: the Friday report is commented by 09:15 that Saturday', () => {
    expect(commentDueAt('2026-10-09', new Date('2026-10-09T09:00:00Z'), national, TZ).toISOString()).toBe('2026-10-10T01:15:00.000Z');
    expect(commentDueAt('2026-10-09', new Date('2026-10-09T09:00:00Z'), plain, TZ).toISOString()).toBe('2026-10-12T01:15:00.000Z');
  });

  it('a report is due by the end of its working day; a day off reports by the end of the next working day', () => {
    expect(reportDueAt('2026-01-09', plain, TZ).toISOString()).toBe('2026-01-09T10:00:00.000Z');
    expect(reportDueAt('2026-10-03', national, TZ).toISOString()).toBe('2026-10-08T10:00:00.000Z');
  });

  it('a report filed late moves the comment deadline to the working day after it was filed', () => {
    expect(commentDueAt('2026-01-08', new Date('2026-01-09T03:00:00Z'), plain, TZ).toISOString()).toBe('2026-01-12T01:15:00.000Z');
  });

  it('the times follow the setting', () => {
    const custom = workingCalendarSchema.parse({ commentDueTime: '10:00', weekendDays: [0] });
    expect(commentDueAt('2026-01-09', new Date('2026-01-09T09:00:00Z'), custom, TZ).toISOString()).toBe('2026-01-10T02:00:00.000Z');
  });
});
