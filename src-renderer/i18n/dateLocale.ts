/**
 * dayjs's zh-cn locale, loaded with antd's zh_CN (components/AntdScope.tsx): antd's date pickers
 * take weekday and month names from dayjs's global locale, and without it a Chinese calendar
 * showed English ones.
 */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { AppLocale } from './format';

/** Sets dayjs's global locale to the app's language. */
export function applyDateLocale(locale: AppLocale): void {
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
}
