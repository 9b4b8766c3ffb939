/** Record a copy lost (遗失), with the reason; the core ends a loan on it and opens the incident. */
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { lostCopySchema, type CopyView } from '../../../src-main/contract/dossiers';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSubmit } from '../../components/useSubmit';

interface Props {
  copy: CopyView;
  onClose: () => void;
  onDone: (copy: CopyView) => void;
}

const reasonSchema = lostCopySchema.shape.reason;

export function LostCopyModal({ copy, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();

  const { submit, busy, error, setError } = useSubmit(async ({ reason }: { reason: string }) => {
    onDone(await call(api().copies.lost({ copyNumber: copy.copyNumber, reason })));
  });

  return (
    <Modal
      open
      title={t('dossiers.copies.lostTitle', { copy: copy.copyNumber })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('dossiers.copies.lost')}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'lost-submit' }}
      cancelText={t('common.cancel')}
    >
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy} requiredMark={false}>
        <Form.Item
          name="reason"
          label={t('dossiers.copies.lostReason')}
          extra={t('dossiers.copies.lostReasonHint')}
          rules={[
            {
              validator: async (_r, value: string | undefined) => {
                const result = reasonSchema.safeParse((value ?? '').trim());
                if (!result.success) throw new Error(t('dossiers.copies.lostReasonHint'));
              },
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} data-testid="lost-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
