/** The one template (大客户信息记录表): every lead is reported on it; main refuses one without the third party's contact. */
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_SECTORS, type LeadReport, type LeadView } from '../../../src-main/contract/leads';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';

interface Props {
  open: boolean;
  onClose: () => void;
  onReported: (lead: LeadView) => void;
}

export function ReportLeadModal({ open, onClose, onReported }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LeadReport>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const lead = await call(api().leads.report(values));
      form.resetFields();
      setError(null);
      onReported(lead);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('leads.report')} onOk={() => void submit()} onCancel={onClose} confirmLoading={busy} okButtonProps={{ 'data-testid': 'lead-submit' } as Record<`data-${string}`, string>} destroyOnHidden>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" initialValues={{ sector: 'other', quantity: 3 }} data-testid="lead-form">
        <Form.Item name="customerName" label={t('leads.form.customerName')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="lead-customer" />
        </Form.Item>
        <Form.Item name="creditCode" label={t('leads.form.creditCode')}>
          <Input maxLength={18} data-testid="lead-credit-code" />
        </Form.Item>
        <Form.Item name="sector" label={t('leads.form.sector')}>
          <Select options={LEAD_SECTORS.map((s) => ({ value: s, label: t(`leads.sector.${s}`) }))} />
        </Form.Item>
        <Form.Item name="need" label={t('leads.form.need')} rules={[{ required: true }]}>
          <Input.TextArea maxLength={2000} rows={2} data-testid="lead-need" />
        </Form.Item>
        <Form.Item name="quantity" label={t('leads.form.quantity')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} data-testid="lead-quantity" />
        </Form.Item>
        {/* Left optional here on purpose: main's refusal (不予接收) is the rule, shown in the banner. */}
        <Form.Item name="contactPerson" label={t('leads.form.contactPerson')} extra={t('leads.form.contactRequired')}>
          <Input maxLength={100} data-testid="lead-contact" />
        </Form.Item>
        <Form.Item name="contactDetails" label={t('leads.form.contactDetails')}>
          <Input maxLength={200} data-testid="lead-contact-details" />
        </Form.Item>
        <Form.Item name="notes" label={t('leads.form.notes')}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
