/** Words and colours for loan states and forms, and dates in the language on screen. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { appLocale, formatDateTime } from '../../i18n/format';
import type { LoanForm, LoanViewState } from '../../../src-main/contract/loans';

export const STATE_COLORS: Record<LoanViewState, string> = {
  submitted: 'gold',
  queued: 'purple',
  'on-loan': 'green',
  overdue: 'red',
  rejected: 'default',
  cancelled: 'default',
  returned: 'blue',
  'returned-late': 'orange',
  recalled: 'volcano',
  lost: 'magenta',
};

export function useLoanLabels() {
  const { t, i18n } = useTranslation();
  const locale = appLocale(i18n.language);
  const state = useCallback((s: LoanViewState) => t(`loans.states.${s}`), [t]);
  const form = useCallback((f: LoanForm) => t(`loans.forms.${f}`), [t]);
  const time = useCallback((iso: string | null) => formatDateTime(iso, locale), [locale]);
  return { state, form, time, english: i18n.language === 'en' };
}
