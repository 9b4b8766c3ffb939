/**
 * The loans feature's UI text, in both languages with the same keys (checked by
 * tests/unit/i18n-complete.test.ts). Merged into i18next under the `loans` key: t('loans.…').
 */
export const loansText = {
  en: {},
  zhCN: {},
};
