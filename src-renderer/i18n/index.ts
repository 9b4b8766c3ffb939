/**
 * i18next set-up. The first language is whatever main decided from the system (`app.info().locale`);
 * the user's switch is remembered by main (`app.setLocale`), not in browser storage.
 * It starts with the shell's texts only; the features' texts join with the unlocked app's code
 * (featureTexts.ts), so the first screen does not load them.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../src-main/contract/messages';
import { en } from '../../src-main/contract/texts/shell-en';
import { zhCN } from '../../src-main/contract/texts/shell-zh-CN';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export async function initI18n(locale: Locale): Promise<typeof i18next> {
  // The build renders the first screen in both languages with one instance (first-screen/prerender.tsx).
  if (i18next.isInitialized) {
    await changeLocale(locale);
    return i18next;
  }
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: locale,
    fallbackLng: false,
    // React escapes output already; double escaping would show &amp; in names.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  setDocumentLang(locale);
  return i18next;
}

export function currentLocale(): Locale {
  return i18next.language === 'en' ? 'en' : 'zh-CN';
}

export async function changeLocale(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  setDocumentLang(locale);
}

/** No document when the build renders the first screen in Node. */
function setDocumentLang(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
