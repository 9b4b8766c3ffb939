/**
 * The key-account department's actions on one lead: check (valid with an expiry date, invalid with
 * a reason), merge, project, delivery, dossier. Shown where main said `mayAct`; main decides again.
 */
import { Button, DatePicker, Form, Input, InputNumber, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadView } from '../../../src-main/contract/leads';
import { api, call } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../components/useSubmit';

type Dialog = 'valid' | 'invalid' | 'merge' | 'deliver' | null;
type DialogForm = { expiresOn?: dayjs.Dayjs; reason?: string; with?: number; quantity?: number; deliveredOn?: dayjs.Dayjs };

interface Props {
  lead: LeadView;
  validDays: number;
  onDone: () => void;
  onError: (cause: unknown) => void;
}

export function LeadActions({ lead, validDays, onDone, onError }: Props) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<DialogForm>();

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setDialog(null);
      form.resetFields();
      onDone();
    } catch (cause) {
      setDialog(null);
      onError(cause);
    }
  };

  // The dialog's fields are required by its form rules, so each is there when it is read.
  const submitting = useSubmit(async (v: DialogForm) => {
    const leads = api().leads;
    if (dialog === 'valid') await call(leads.check({ id: lead.id, verdict: 'valid', expiresOn: v.expiresOn!.format('YYYY-MM-DD') }));
    if (dialog === 'invalid') await call(leads.check({ id: lead.id, verdict: 'invalid', reason: v.reason! }));
    if (dialog === 'merge') await call(leads.merge({ id: lead.id, with: v.with! }));
    if (dialog === 'deliver') await call(leads.deliver({ id: lead.id, quantity: v.quantity!, deliveredOn: v.deliveredOn!.format('YYYY-MM-DD') }));
    setDialog(null);
    form.resetFields();
    onDone();
  });

  const title =
    dialog === 'valid'
      ? t('leads.check.validTitle', { id: lead.id })
      : dialog === 'invalid'
        ? t('leads.check.invalidTitle', { id: lead.id })
        : dialog === 'merge'
          ? t('leads.check.mergeTitle', { id: lead.id })
          : t('leads.check.deliverTitle', { id: lead.id });

  return (
    <Space size="small" wrap>
      {lead.state === 'pending' && (
        <>
          <Button size="small" type="primary" onClick={() => setDialog('valid')} data-testid="lead-valid">
            {t('leads.action.valid')}
          </Button>
          <Button size="small" onClick={() => setDialog('invalid')} data-testid="lead-invalid">
            {t('leads.action.invalid')}
          </Button>
        </>
      )}
      {['pending', 'valid', 'invalid'].includes(lead.state) && (
        <Button size="small" onClick={() => setDialog('merge')}>
          {t('leads.action.merge')}
        </Button>
      )}
      {lead.state === 'valid' && (
        <Button size="small" onClick={() => void run(() => call(api().leads.project({ id: lead.id })))} data-testid="lead-project">
          {t('leads.action.project')}
        </Button>
      )}
      {(lead.state === 'project' || lead.state === 'dossier') && (
        <Button size="small" onClick={() => setDialog('deliver')}>
          {t('leads.action.deliver')}
        </Button>
      )}
      {lead.state === 'project' && (
        <Button size="small" onClick={() => void run(() => call(api().leads.dossier({ id: lead.id })))} data-testid="lead-dossier">
          {t('leads.action.dossier')}
        </Button>
      )}
      {dialog !== null && (
        <FormModal
          title={title}
          form={form}
          submitting={submitting}
          onClose={() => setDialog(null)}
          okText={title}
          initialValues={{ expiresOn: dayjs().add(validDays, 'day'), deliveredOn: dayjs() }}
        >
          {dialog === 'valid' && (
            <Form.Item name="expiresOn" label={t('leads.check.expiresOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
          )}
          {dialog === 'invalid' && (
            <Form.Item name="reason" label={t('leads.check.reason')} rules={[{ required: true }]}>
              <Input maxLength={500} />
            </Form.Item>
          )}
          {dialog === 'merge' && (
            <Form.Item name="with" label={t('leads.check.mergeWith')} rules={[{ required: true }]}>
              <InputNumber min={1} precision={0} />
            </Form.Item>
          )}
          {dialog === 'deliver' && (
            <>
              <Form.Item name="quantity" label={t('leads.form.quantity')} rules={[{ required: true }]}>
                <InputNumber min={1} precision={0} />
              </Form.Item>
              <Form.Item name="deliveredOn" label={t('leads.check.deliveredOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
            </>
          )}
        </FormModal>
      )}
    </Space>
  );
}
