/**
 * The one way a refusal or failure is shown: a translated sentence in an error Alert (testid
 * `error-message`). The screens before unlock use its antd-free twin, components/light/ErrorBanner.
 */
import { Alert } from 'antd';
import { useErrorText } from '../i18n/errors';

interface Props {
  error: unknown;
  testId?: string;
  onClose?: () => void;
}

export function ErrorBanner({ error, testId = 'error-message', onClose }: Props) {
  const text = useErrorText();
  if (error == null) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      title={text(error)}
      closable={onClose ? { onClose } : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
