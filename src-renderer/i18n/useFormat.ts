/** format.ts bound to the app's current language, for components. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { appLocale, formatDate, formatDateTime, formatNumber } from './format';

export function useFormat() {
  const { i18n } = useTranslation();
  const locale = appLocale(i18n.language);
  return useMemo(
    () => ({
      locale,
      dateTime: (value: string | number | Date | null | undefined) => formatDateTime(value, locale),
      date: (value: string | number | Date | null | undefined) => formatDate(value, locale),
      number: (value: number) => formatNumber(value, locale),
    }),
    [locale],
  );
}
