/**
 * Toggles zh-CN ⇄ en. The screen switches at once; main remembers the choice (`app.setLocale`) so the
 * next start and main's own messages follow it.
 */
import { GlobalOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { changeLocale, currentLocale } from '../i18n';

export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { t } = useTranslation();
  const toggle = async () => {
    const next = currentLocale() === 'en' ? 'zh-CN' : 'en';
    await changeLocale(next);
    // Remembering is a convenience: a failure must not undo the switch the user just saw.
    await call(api().app.setLocale({ locale: next })).catch(() => undefined);
  };
  return (
    <Tooltip title={t('language.switchHint')}>
      <Button type={type} icon={<GlobalOutlined />} onClick={toggle} data-testid="language-switch">
        {t('language.switchTo')}
      </Button>
    </Tooltip>
  );
}
