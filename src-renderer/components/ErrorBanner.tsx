/**
 * The one way a refusal or failure is shown: a translated sentence in an error alert (testid
 * `error-message` unless told). Built on the light kit so the screens before unlock paint it without
 * antd; the antd pages use this same banner.
 */
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../i18n/errors';
import { Alert } from './light';

interface Props {
  error: unknown;
  testId?: string;
  onClose?: () => void;
}

export function ErrorBanner({ error, testId = 'error-message', onClose }: Props) {
  const { t } = useTranslation();
  const text = useErrorText();
  if (error == null) return null;
  return (
    <Alert type="error" role="alert" data-testid={testId} title={text(error)} onClose={onClose} closeLabel={t('common.close')} style={{ marginBottom: 16 }} />
  );
}
