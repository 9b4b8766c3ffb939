/**
 * Birthday and celebration callbacks (seed 004 回访客户): 在客户生日或寿辰的前10天、庆典活动的前30天
 * 进行回访. A callback for an occurrence is due on the day that many days before it, shows on the
 * list `lead` days earlier, and stays (overdue) until a contact record answers it or the day itself
 * has come.
 */
import { addDays, inYear } from './calendar-dates';

export interface CallbackWindow {
  /** the birthday or celebration itself */
  occurrence: string;
  /** the day the callback is due */
  dueDate: string;
}

/** The occurrence of a yearly date whose callback window holds today, if any. */
export function yearlyWindow(monthDay: string, today: string, daysBefore: number, lead: number): CallbackWindow | null {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    const window = onceWindow(inYear(monthDay, y), today, daysBefore, lead);
    if (window) return window;
  }
  return null;
}

/** A one-time date's callback window, if today is in it: from (due − lead) up to the day before the occurrence. */
export function onceWindow(occurrence: string, today: string, daysBefore: number, lead: number): CallbackWindow | null {
  const dueDate = addDays(occurrence, -daysBefore);
  return today >= addDays(dueDate, -lead) && today < occurrence ? { occurrence, dueDate } : null;
}

/** The month-day bounds (inclusive) of occurrences whose window may hold today, for an index range. */
export function monthDayRange(today: string, daysBefore: number, lead: number): { from: string; to: string } {
  return { from: addDays(today, 1).slice(5), to: addDays(today, daysBefore + lead).slice(5) };
}
