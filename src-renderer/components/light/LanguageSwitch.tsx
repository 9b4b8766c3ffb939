/** Toggles zh-CN ⇄ en on the screens before unlock (the same button as components/LanguageSwitch). */
import { GlobalOutlined } from './icons';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../../i18n/switchLanguage';
import { Button } from './Button';
import { Tooltip } from './Tooltip';

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
