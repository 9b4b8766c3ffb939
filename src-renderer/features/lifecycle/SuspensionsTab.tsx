/**
 * Suspension of a person's rights (立即暂停相关员工权限): department managers (their department) and
 * the general manager suspend at once and lift it; main decides who may.
 */
import { Button, Form, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SuspensionView } from '../../../src-main/contract/lifecycle-people';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../components/useSubmit';
import { useLoaded } from '../loans/useLoaded';

export function SuspensionsTab() {
  const { t, i18n } = useTranslation();
  const { value, error, setError, loading, reload } = useLoaded(() => call(api().personnel.suspensions({})));
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ login: string; reason: string }>();

  const submitting = useSubmit(async (values: { login: string; reason: string }) => {
    await call(api().personnel.suspend(values));
    form.resetFields();
    setOpen(false);
    void reload();
  });

  const lift = async (s: SuspensionView) => {
    try {
      await call(api().personnel.lift({ login: s.person.login }));
      void reload();
    } catch (cause) {
      setError(cause);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Button danger onClick={() => setOpen(true)} data-testid="suspend-person">
        {t('lifecycle.suspension.suspend')}
      </Button>
      <Table<SuspensionView>
        rowKey={(s) => s.person.login}
        size="small"
        loading={loading}
        dataSource={value ?? []}
        data-testid="suspensions-table"
        columns={[
          { title: t('lifecycle.incidents.person'), render: (_, s) => `${s.person.name} (${s.person.login})` },
          { title: t('lifecycle.holds.reason'), dataIndex: 'reason' },
          { title: t('lifecycle.suspension.by'), render: (_, s) => `${s.by.name} · ${new Date(s.at).toLocaleString(i18n.language)}` },
          {
            title: '',
            render: (_, s) => (
              <Button size="small" onClick={() => void lift(s)} data-testid="suspension-lift">
                {t('lifecycle.suspension.lift')}
              </Button>
            ),
          },
        ]}
      />
      {open && (
        <FormModal
          title={t('lifecycle.suspension.suspend')}
          form={form}
          submitting={submitting}
          onClose={() => setOpen(false)}
          okText={t('lifecycle.suspension.suspend')}
          okButtonProps={{ danger: true }}
          intro={<p>{t('lifecycle.suspension.warning')}</p>}
        >
          <Form.Item name="login" label={t('lifecycle.incidents.personLogin')} rules={[{ required: true, message: t('lifecycle.required') }]}>
            <Input data-testid="suspend-login" />
          </Form.Item>
          <Form.Item name="reason" label={t('lifecycle.holds.reason')} rules={[{ required: true, message: t('lifecycle.required') }]}>
            <Input.TextArea rows={2} data-testid="suspend-reason" />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
