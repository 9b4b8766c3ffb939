/** The one template (大客户信息记录表): every lead is reported on it; main refuses one without the third party's contact. */
import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEAD_SECTORS, type LeadReport, type LeadView } from '../../../src-main/contract/leads';
import { api, call } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../components/useSubmit';

interface Props {
  open: boolean;
  onClose: () => void;
  onReported: (lead: LeadView) => void;
}

export function ReportLeadModal({ open, onClose, onReported }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LeadReport>();
  const submitting = useSubmit(async (values: LeadReport) => {
    const lead = await call(api().leads.report(values));
    form.resetFields();
    onReported(lead);
  });

  if (!open) return null;
  return (
    <FormModal
      title={t('leads.report')}
      form={form}
      submitting={submitting}
      onClose={onClose}
      okText={t('leads.report')}
      okButtonProps={{ 'data-testid': 'lead-submit' }}
      initialValues={{ sector: 'other', quantity: 3 }}
    >
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
    </FormModal>
  );
}
