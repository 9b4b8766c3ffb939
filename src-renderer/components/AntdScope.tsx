/**
 * Ant Design for every screen: theme and locale (following i18next; the App holders for
 * message/modal are in components/AntdApp.tsx). Rendered at build time too (first-screen/prerender.tsx), so what it renders while
 * React hydrates must not depend on the window.
 */
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyDateLocale } from '../i18n/dateLocale';
import { appLocale } from '../i18n/format';
import { ANTD_CSS_VAR_KEY, THEME_TOKENS } from '../theme';
import { useHydrated } from './useHydrated';

/**
 * The person's "reduce motion" setting turns antd's motion off: dialogs, dropdowns and messages
 * appear in place instead of zooming and sliding (the e2e runs set it, so nothing moves under a click).
 */
const REDUCED_MOTION = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

/**
 * A fixed key for antd's CSS variables instead of one from useId: the styles the build extracted
 * for the first screens (first-screen/prerender.tsx) then serve a page React renders afresh too.
 */
const CSS_VAR = { key: ANTD_CSS_VAR_KEY };
const THEME = { token: THEME_TOKENS, cssVar: CSS_VAR };
// The motion token changes antd's class names: applied only once hydrated, as the build rendered with motion.
const THEME_REDUCED = { token: { ...THEME_TOKENS, motion: false }, cssVar: CSS_VAR };

export function AntdScope({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const hydrated = useHydrated();
  // Before the pickers render: they read dayjs's global locale.
  applyDateLocale(appLocale(i18n.language));
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={hydrated && REDUCED_MOTION ? THEME_REDUCED : THEME}>
      {children}
    </ConfigProvider>
  );
}
