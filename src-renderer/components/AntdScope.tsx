/**
 * Ant Design for everything after the first screens: theme and locale (following i18next) and the
 * App holders for message/modal. Loaded lazily (features/router/ScreenRouter.tsx): the welcome and
 * unlock screens paint without antd's runtime (components/light).
 */
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyDateLocale } from '../i18n/dateLocale';
import { appLocale } from '../i18n/format';
import { THEME_TOKENS } from '../theme';

/**
 * The person's "reduce motion" setting turns antd's motion off: dialogs, dropdowns and messages
 * appear in place instead of zooming and sliding (the e2e runs set it, so nothing moves under a click).
 */
const REDUCED_MOTION = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

const THEME = { token: { ...THEME_TOKENS, ...(REDUCED_MOTION ? { motion: false } : {}) } };

export function AntdScope({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  // Before the pickers render: they read dayjs's global locale.
  applyDateLocale(appLocale(i18n.language));
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
