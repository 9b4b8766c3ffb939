/**
 * Dates, times and numbers as the app's language writes them (not the operating system's): one
 * place, so every screen and printout agrees. Chinese: 2026年1月31日 14:05, 1,234,567; English:
 * 31 Jan 2026, 14:05. Always the 24-hour clock, as archive registers are kept.
 * No dependencies: the first screens use it too (dateLocale.ts is antd's side).
 */

export type AppLocale = 'zh-CN' | 'en';

export function appLocale(language: string | undefined): AppLocale {
  return language === 'en' ? 'en' : 'zh-CN';
}

type When = string | number | Date | null | undefined;

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: AppLocale, withTime: boolean, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `d|${locale}|${withTime}|${timeZone ?? ''}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      year: 'numeric',
      month: locale === 'en' ? 'short' : 'long',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
      ...(timeZone ? { timeZone } : {}),
    } as Intl.DateTimeFormatOptions);
    cache.set(key, format);
  }
  return format;
}

function toDate(value: When): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** '2026年1月31日 14:05' / '31 Jan 2026, 14:05'; '—' for nothing; the input itself when it is not a date. */
export function formatDateTime(value: When, locale: AppLocale, timeZone?: string): string {
  const date = toDate(value);
  if (!date) return value ? String(value) : '—';
  return dateFormat(locale, true, timeZone).format(date);
}

/** '2026年1月31日' / '31 Jan 2026'. */
export function formatDate(value: When, locale: AppLocale, timeZone?: string): string {
  const date = toDate(value);
  if (!date) return value ? String(value) : '—';
  return dateFormat(locale, false, timeZone).format(date);
}

/** Grouped digits: '1,234,567' in both languages (the Chinese convention for registers too). */
export function formatNumber(value: number, locale: AppLocale): string {
  const key = `n|${locale}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN');
    cache.set(key, format);
  }
  return format.format(value);
}
