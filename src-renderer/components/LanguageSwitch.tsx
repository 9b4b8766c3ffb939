/** Toggles zh-CN ⇄ en: in the frame of the screens before unlock and in the unlocked app's header. */
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/switchLanguage';
import { Button, GlobalOutlined, Tooltip } from './light';

export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('language.switchHint')}>
      <Button variant="text" icon={<GlobalOutlined />} onClick={() => void switchLanguage()} data-testid="language-switch">
        {t('language.switchTo')}
      </Button>
    </Tooltip>
  );
}
