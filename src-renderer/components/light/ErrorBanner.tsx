/**
 * components/ErrorBanner for the screens before unlock: the same translated sentence in an error
 * alert (testid `error-message` unless told), without antd.
 */
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/errors';
import { Alert } from './Alert';

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
