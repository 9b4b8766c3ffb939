/**
 * Unlock the chosen archive with login and password. After repeated failures main throttles the login;
 * we count down live from the seconds it gives and keep the button disabled until then.
 */
import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../../api/client';
import type { ActorView } from '../../../src-main/contract/people';
import { CenteredPage } from '../../components/CenteredPage';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { LockReason } from '../router/screens';
import { throttleSeconds } from './throttle';
import { useCountdown } from './useCountdown';

interface Props {
  folder: string;
  lockedReason?: LockReason;
  onUnlocked: (actor: ActorView) => void;
  onSwitchArchive: () => void;
}

interface Values {
  login: string;
  password: string;
}

export function UnlockScreen({ folder, lockedReason, onUnlocked, onSwitchArchive }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const waiting = useCountdown(waitUntil);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const actor = await call(api().session.unlock({ folder, login: values.login.trim(), password: values.password }));
      onUnlocked(actor);
    } catch (cause) {
      const seconds = throttleSeconds(cause);
      setWaitUntil(seconds == null ? null : Date.now() + seconds * 1000);
      setError(cause);
      form.setFieldValue('password', '');
      setBusy(false);
    }
  };

  // While throttled, the banner says how long is left now, not how long was left when main answered.
  const shown =
    error instanceof ApiError && error.code === 'vault.throttled'
      ? waiting > 0
        ? new ApiError(error.code, { ...error.params, seconds: waiting }, undefined)
        : null
      : error;

  return (
    <CenteredPage testId="screen-unlock" width={520}>
      <Card title={t('unlock.title')}>
        {lockedReason && !error && (
          <Alert type="info" showIcon title={t(`unlock.lockedReason_${lockedReason}`)} style={{ marginBottom: 16 }} />
        )}
        <Typography.Paragraph>
          <Typography.Text type="secondary">{t('unlock.folder')}: </Typography.Text>
          <Typography.Text code className="folder-path" data-testid="unlock-folder">
            {folder}
          </Typography.Text>
        </Typography.Paragraph>
        <ErrorBanner error={shown} testId="unlock-error" />
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="login" label={t('unlock.login')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input autoFocus autoComplete="username" spellCheck={false} data-testid="unlock-login" disabled={busy} />
          </Form.Item>
          <Form.Item name="password" label={t('unlock.password')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password autoComplete="current-password" data-testid="unlock-password" disabled={busy} />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<LockOutlined />}
            block
            loading={busy}
            disabled={waiting > 0}
            data-testid="unlock-submit"
          >
            {waiting > 0 ? <span data-testid="unlock-wait">{t('unlock.wait', { seconds: waiting })}</span> : t('unlock.submit')}
          </Button>
        </Form>
        <Button type="link" onClick={onSwitchArchive} style={{ paddingLeft: 0, marginTop: 12 }} data-testid="unlock-switch">
          {t('unlock.switchArchive')}
        </Button>
      </Card>
    </CenteredPage>
  );
}
