/**
 * Records the contact a due item asks for, as a contact record added to the dossier (an update
 * recorded without reading, so a writer without a loan can do it). The record names the item in
 * `answers`: that answers a callback, and tells the core whose cadence the contact counts for.
 */
import { App, Form, Input, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DueItem } from '../../../src-main/contract/due';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSubmit } from '../../components/useSubmit';

interface Props {
  item: DueItem;
  onClose: (recorded: boolean) => void;
}

const pad = (n: number) => String(n).padStart(2, '0');
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

export function RecordContactModal({ item, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: string; topic?: string; result?: string }>();
  const { submit, busy, error, setError } = useSubmit(async (values: { date: string; topic?: string; result?: string }) => {
    const record = {
      date: values.date.trim(),
      ...(item.subject && item.kind !== 'review' ? { person: item.subject } : {}),
      ...(values.topic?.trim() ? { topic: values.topic.trim() } : {}),
      ...(values.result?.trim() ? { result: values.result.trim() } : {}),
      answers: item.key,
    };
    const saved = await call(api().dossiers.update({ number: item.dossierNumber!, changes: {}, add: { contactRecords: [record] } }));
    void message.success(t('due.recorded', { number: saved.number, revision: saved.revision }));
    onClose(true);
  });
  return (
    <Modal
      open
      title={t('due.recordTitle', { customer: item.customerName ?? item.dossierNumber ?? '' })}
      okText={t('due.recordSave')}
      okButtonProps={{ loading: busy, 'data-testid': 'due-record-save' } as ButtonProps}
      onOk={() => {
        setError(null);
        form.validateFields().then(
          (values) => submit(values),
          () => undefined,
        );
      }}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" initialValues={{ date: today() }} data-testid="due-record-form">
        <Form.Item name="date" label={t('due.recordDate')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('due.dateInvalid') }]}>
          <Input data-testid="due-record-date" placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="topic" label={t('due.recordTopic')}>
          <Input data-testid="due-record-topic" maxLength={200} />
        </Form.Item>
        <Form.Item name="result" label={t('due.recordResult')}>
          <Input.TextArea data-testid="due-record-result" autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
