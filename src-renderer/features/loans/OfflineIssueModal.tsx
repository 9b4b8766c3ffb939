/**
 * "Issue offline package": the borrower sets the package passphrase (typed twice, never kept in
 * state after the request) and main asks where to save the file. The core decides and journals.
 */
import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import type { LoanView } from '../../../src-main/contract/loans';
import { MIN_PASSPHRASE_LENGTH } from '../../../src-main/contract/offline';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSubmit } from '../../components/useSubmit';

interface Props {
  loan: LoanView;
  onClose: () => void;
}

export function OfflineIssueModal({ loan, onClose }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ passphrase: string; repeat: string }>();
  const {
    submit: issue,
    busy,
    error,
    setError,
  } = useSubmit(async (passphrase: string) => {
    const issued = await call(api().offline.issue({ card: loan.card, passphrase }));
    form.resetFields();
    if (issued) {
      void message.success(t('loans.offline.issued', { file: issued.file, dueAt: format.dateTime(issued.dueAt) }));
      onClose();
    }
  });

  const submit = async () => {
    const { passphrase } = await form.validateFields();
    await issue(passphrase);
  };

  return (
    <Modal
      open
      title={t('loans.offline.issueTitle', { card: loan.card })}
      okText={t('loans.offline.issue')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      okButtonProps={{ 'data-testid': 'offline-issue-ok' } as never}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('loans.offline.issueBody')}</Typography.Paragraph>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" autoComplete="off">
        <Form.Item
          name="passphrase"
          label={t('loans.offline.passphrase')}
          rules={[{ required: true, min: MIN_PASSPHRASE_LENGTH, message: t('loans.offline.tooShort', { min: MIN_PASSPHRASE_LENGTH }) }]}
        >
          <Input.Password autoComplete="new-password" data-testid="offline-passphrase" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('loans.offline.repeat')}
          dependencies={['passphrase']}
          rules={[
            { required: true, message: t('loans.offline.mismatch') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) => (value === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error(t('loans.offline.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="offline-passphrase-repeat" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
