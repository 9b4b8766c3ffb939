/**
 * Legal holds: set one per matter (name, reason, dossiers and/or a customer) and release it (the
 * setter or the general manager; main decides).
 */
import { Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HoldView } from '../../../src-main/contract/records';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../components/useSubmit';
import { useLoaded } from '../loans/useLoaded';

interface HoldForm {
  name: string;
  reason: string;
  numbers?: string[];
  customer?: string;
}

export function HoldsTab({ canSet }: { canSet: boolean }) {
  const { t, i18n } = useTranslation();
  const { value, error, setError, loading, reload } = useLoaded(() => call(api().holds.list({})));
  const [setting, setSetting] = useState(false);
  const [form] = Form.useForm<HoldForm>();

  const submitting = useSubmit(async (values: HoldForm) => {
    const customer = values.customer?.trim();
    await call(api().holds.set({ name: values.name, reason: values.reason, numbers: values.numbers ?? [], ...(customer ? { customer } : {}) }));
    form.resetFields();
    setSetting(false);
    void reload();
  });

  const release = async (hold: HoldView) => {
    try {
      await call(api().holds.release({ id: hold.id }));
      void reload();
    } catch (cause) {
      setError(cause);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      {canSet && (
        <Button type="primary" onClick={() => setSetting(true)} data-testid="hold-set">
          {t('lifecycle.holds.set')}
        </Button>
      )}
      <Table<HoldView>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={value ?? []}
        data-testid="holds-table"
        columns={[
          { title: t('lifecycle.holds.name'), dataIndex: 'name' },
          { title: t('lifecycle.holds.reason'), dataIndex: 'reason' },
          { title: t('lifecycle.holds.covers'), render: (_, h) => [h.customer, ...h.numbers].filter(Boolean).join(t('lifecycle.listSeparator')) },
          { title: t('lifecycle.holds.setBy'), render: (_, h) => `${h.setBy.name} · ${new Date(h.setAt).toLocaleString(i18n.language)}` },
          {
            title: t('lifecycle.destruction.state'),
            render: (_, h) =>
              h.released ? (
                <Tag>{t('lifecycle.holds.released', { name: h.released.by.name })}</Tag>
              ) : (
                <Space size={4}>
                  <Tag color="purple">{t('lifecycle.holds.active')}</Tag>
                  <Button size="small" onClick={() => void release(h)} data-testid="hold-release">
                    {t('lifecycle.holds.release')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {setting && (
        <FormModal title={t('lifecycle.holds.set')} form={form} submitting={submitting} onClose={() => setSetting(false)} okText={t('lifecycle.holds.set')}>
          <Form.Item name="name" label={t('lifecycle.holds.name')} rules={[{ required: true, message: t('lifecycle.required') }]}>
            <Input data-testid="hold-name" />
          </Form.Item>
          <Form.Item name="reason" label={t('lifecycle.holds.reason')} rules={[{ required: true, message: t('lifecycle.required') }]}>
            <Input.TextArea rows={2} data-testid="hold-reason" />
          </Form.Item>
          <Form.Item name="numbers" label={t('lifecycle.holds.numbers')}>
            <Select mode="tags" tokenSeparators={[',', ' ']} data-testid="hold-numbers" />
          </Form.Item>
          <Form.Item name="customer" label={t('lifecycle.holds.customer')} extra={t('lifecycle.holds.customerHint')}>
            <Input data-testid="hold-customer" />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
