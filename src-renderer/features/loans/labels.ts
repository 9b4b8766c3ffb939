/** Words and colours for loan states and forms, and dates in the language on screen. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
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
  const locale = i18n.language === 'en' ? 'en-GB' : 'zh-CN';
  const state = useCallback((s: LoanViewState) => t(`loans.states.${s}`), [t]);
  const form = useCallback((f: LoanForm) => t(`loans.forms.${f}`), [t]);
  const time = useCallback(
    (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }) : '—'),
    [locale],
  );
  return { state, form, time, english: i18n.language === 'en' };
}
