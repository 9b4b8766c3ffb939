/** Record a copy lost (遗失), with the reason; the core ends a loan on it and opens the incident. */
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { lostCopySchema, type CopyView } from '../../../src-main/contract/dossiers';
import { api, call } from '../../api/client';
import { FormModal } from '../../components/FormModal';
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

  const submitting = useSubmit(async ({ reason }: { reason: string }) => {
    onDone(await call(api().copies.lost({ copyNumber: copy.copyNumber, reason })));
  });

  return (
    <FormModal
      title={t('dossiers.copies.lostTitle', { copy: copy.copyNumber })}
      form={form}
      submitting={submitting}
      onClose={onClose}
      okText={t('dossiers.copies.lost')}
      okButtonProps={{ danger: true, 'data-testid': 'lost-submit' }}
    >
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
    </FormModal>
  );
}
