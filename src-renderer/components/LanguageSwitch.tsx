/** Toggles zh-CN ⇄ en in the unlocked app's header (the screens before unlock use components/light). */
import { GlobalOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/switchLanguage';

export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('language.switchHint')}>
      <Button type={type} icon={<GlobalOutlined />} onClick={() => void switchLanguage()} data-testid="language-switch">
        {t('language.switchTo')}
      </Button>
    </Tooltip>
  );
}
