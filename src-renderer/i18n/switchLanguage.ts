/**
 * zh-CN ⇄ en. The screen switches at once; main remembers the choice (`app.setLocale`) so the next
 * start and main's own messages follow it. Used by both language buttons (light and antd).
 */
import { api, call } from '../api/client';
import { changeLocale, currentLocale } from '.';

export async function switchLanguage(): Promise<void> {
  const next = currentLocale() === 'en' ? 'zh-CN' : 'en';
  await changeLocale(next);
  // Remembering is a convenience: a failure must not undo the switch the user just saw.
  await call(api().app.setLocale({ locale: next })).catch(() => undefined);
}
