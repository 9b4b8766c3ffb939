/**
 * Rotate the database key (rekey): confirm, then follow main's progress events until it answers.
 * Every remaining key slot is re-wrapped; disabled people's slots are already gone.
 */
import { SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayloads, Responses } from '../../../src-main/contract/ipc';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSubmit } from '../../components/useSubmit';

type Step = EventPayloads['event:rekeyProgress']['step'];
const PERCENT: Record<Step, number> = { prepare: 20, rewrite: 60, done: 100 };

export function RekeyPanel() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [step, setStep] = useState<Step | null>(null);
  const [result, setResult] = useState<Responses['vault:rekey'] | null>(null);

  useEffect(() => api().vault.onRekeyProgress((event) => setStep(event.step)), []);

  const {
    submit: run,
    busy: running,
    error,
    setError,
  } = useSubmit(async () => {
    setResult(null);
    setStep('prepare');
    const done = await call(api().vault.rekey()).catch((cause: unknown) => {
      setStep(null);
      throw cause;
    });
    setResult(done);
    setStep('done');
  });

  const confirm = () =>
    modal.confirm({
      title: t('rekey.title'),
      content: t('rekey.body'),
      okText: t('rekey.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'confirm-ok' },
      onOk: () => {
        void run();
      },
    });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button icon={<SyncOutlined />} onClick={confirm} loading={running} data-testid="rekey-button">
        {t('rekey.button')}
      </Button>
      {step && (
        <div data-testid="rekey-progress" className="rekey-progress">
          <Progress percent={PERCENT[step]} status={running ? 'active' : 'success'} />
          <Typography.Text type="secondary">{t(`rekey.step_${step}`)}</Typography.Text>
        </div>
      )}
      {result && <Alert type="success" showIcon title={t('rekey.done', { slots: result.slots, epoch: result.epoch })} />}
      <ErrorBanner error={error} onClose={() => setError(null)} />
    </Space>
  );
}
