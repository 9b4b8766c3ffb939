/**
 * The journal feature's UI text, in both languages with the same keys (checked by
 * tests/unit/i18n-complete.test.ts). Merged into i18next under the `journal` key: t('journal.…').
 */
export const journalText = {
  en: {},
  zhCN: {},
};
