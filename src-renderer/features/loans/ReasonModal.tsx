/** Asks one line of text (a reject reason, a recall reason, what happened to a lost copy) and runs the action with it. */
import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../components/useSubmit';

interface Props {
  title: string;
  body?: string;
  label: string;
  optional?: boolean;
  okText: string;
  danger?: boolean;
  testId: string;
  onClose: () => void;
  onSubmit: (text: string | undefined) => Promise<void>;
}

export function ReasonModal({ title, body, label, optional, okText, danger, testId, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  const submitting = useSubmit(async ({ text }: { text?: string }) => {
    await onSubmit(text?.trim() ? text.trim() : undefined);
  });
  return (
    <FormModal
      title={title}
      form={form}
      submitting={submitting}
      onClose={onClose}
      okText={okText}
      okButtonProps={{ danger, 'data-testid': `${testId}-ok` }}
      intro={body && <Typography.Paragraph>{body}</Typography.Paragraph>}
    >
      <Form.Item
        name="text"
        label={label}
        rules={
          optional
            ? [{ min: 2, message: t('loans.card.tooShort', { min: 2 }) }]
            : [
                { required: true, whitespace: true, message: t('common.required') },
                { min: 2, message: t('loans.card.tooShort', { min: 2 }) },
              ]
        }
      >
        <Input.TextArea rows={3} maxLength={1000} data-testid={`${testId}-text`} />
      </Form.Item>
    </FormModal>
  );
}
