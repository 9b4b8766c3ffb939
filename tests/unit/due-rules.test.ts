/**
 * The contact-cadence and callback rules of seed 004 (大客户信息档案管理办法及跟踪服务要求), as pure
 * functions over calendar dates: the service standard (服务标准) and callbacks (回访客户).
 */
import { describe, expect, it } from 'vitest';
import { cadenceState, metUntil, periodOf } from '../../src-main/core/due/cadence';
import { monthDayRange, onceWindow, yearlyWindow } from '../../src-main/core/due/callback-rules';
import { archiveSettingsSchema } from '../../src-main/contract/settings';

const RULES = archiveSettingsSchema.parse({}).contactCadence;

describe('seed 004 服务标准: contact cadence', () => {
  it('defaults: core 1 a week, influencers 2 a month, non-core 1 a month', () => {
    expect(RULES).toEqual({ corePerWeek: 1, influencerPerMonth: 2, nonCorePerMonth: 1 });
    expect(archiveSettingsSchema.parse({}).callbackDaysBefore).toEqual({ birthday: 10, celebration: 30 });
  });

  it('核心大客户主要负责人需要每周沟通1-2次: a week without a contact makes the core principal overdue', () => {
    // Weeks run Monday to Sunday: 2026-01-05 is a Monday.
    expect(periodOf('core', '2026-01-07')).toEqual({ start: '2026-01-05', end: '2026-01-12' });
    const met = metUntil('core', RULES, ['2026-01-06'], '2026-01-01');
    expect(met).toBe('2026-01-12');
    expect(cadenceState('core', met, '2026-01-09').state).toBe('met');
    // The next week: due by its end (the week before was met).
    expect(cadenceState('core', met, '2026-01-14')).toEqual({ state: 'due', period: { start: '2026-01-12', end: '2026-01-19' } });
    // A whole week without a contact: overdue since the end of that week.
    expect(cadenceState('core', met, '2026-01-20')).toEqual({ state: 'overdue', period: { start: '2026-01-12', end: '2026-01-19' } });
  });

  it('主要负责人的影响者每月至少沟通2次: one contact in a month is not enough for an influencer', () => {
    const once = metUntil('influencer', RULES, ['2026-01-06'], '2026-01-01');
    expect(cadenceState('influencer', once, '2026-01-20').state).toBe('due');
    const twice = metUntil('influencer', RULES, ['2026-01-06', '2026-01-19'], '2026-01-01');
    expect(twice).toBe('2026-02-01');
    expect(cadenceState('influencer', twice, '2026-01-20').state).toBe('met');
    expect(cadenceState('influencer', twice, '2026-02-10').state).toBe('due');
    expect(cadenceState('influencer', once, '2026-02-10')).toEqual({ state: 'overdue', period: { start: '2026-01-01', end: '2026-02-01' } });
  });

  it('非核心主要负责人每月沟通1-2次: one contact a month meets it; the number follows the settings', () => {
    expect(cadenceState('nonCore', metUntil('nonCore', RULES, ['2026-03-31'], '2026-03-01'), '2026-03-31').state).toBe('met');
    const stricter = { ...RULES, nonCorePerMonth: 2 };
    expect(cadenceState('nonCore', metUntil('nonCore', stricter, ['2026-03-31'], '2026-03-01'), '2026-03-31').state).toBe('due');
  });

  it('a key person seen for the first time is due this period, not overdue', () => {
    const met = metUntil('core', RULES, [], '2026-01-07');
    expect(cadenceState('core', met, '2026-01-08').state).toBe('due');
    expect(cadenceState('core', met, '2026-01-13').state).toBe('overdue');
  });
});

describe('seed 004 回访客户: 生日或寿辰的前10天、庆典活动的前30天', () => {
  it('a birthday callback is due 10 days before, listed a week earlier, gone on the day', () => {
    // Birthday 3 March: due 21 February, listed from 14 February (lead 7 days).
    expect(yearlyWindow('03-03', '2026-02-13', 10, 7)).toBeNull();
    expect(yearlyWindow('03-03', '2026-02-14', 10, 7)).toEqual({ occurrence: '2026-03-03', dueDate: '2026-02-21' });
    expect(yearlyWindow('03-03', '2026-03-02', 10, 7)).toEqual({ occurrence: '2026-03-03', dueDate: '2026-02-21' });
    expect(yearlyWindow('03-03', '2026-03-03', 10, 7)).toBeNull();
  });

  it('across the new year, and 29 February in a common year', () => {
    expect(yearlyWindow('01-05', '2025-12-20', 10, 7)).toEqual({ occurrence: '2026-01-05', dueDate: '2025-12-26' });
    expect(yearlyWindow('02-29', '2026-02-18', 10, 0)).toEqual({ occurrence: '2026-02-28', dueDate: '2026-02-18' });
    expect(monthDayRange('2025-12-20', 10, 7)).toEqual({ from: '12-21', to: '01-06' });
  });

  it('a celebration callback is due 30 days before it', () => {
    expect(onceWindow('2026-06-30', '2026-05-31', 30, 0)).toEqual({ occurrence: '2026-06-30', dueDate: '2026-05-31' });
    expect(onceWindow('2026-06-30', '2026-05-30', 30, 0)).toBeNull();
    expect(onceWindow('2026-06-30', '2026-06-30', 30, 0)).toBeNull();
  });
});
