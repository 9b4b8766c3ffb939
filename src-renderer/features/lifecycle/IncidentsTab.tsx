/**
 * The incident register (事件登记簿): every leak or loss with who held the copy and the journal's
 * evidence timeline; custodians and department managers record one by hand (the direct manager is
 * notified by main).
 */
import { Button, Descriptions, Form, Input, Radio, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../src-main/contract/lifecycle-people';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../components/useSubmit';
import { useLoaded } from '../loans/useLoaded';

interface IncidentForm {
  kind: 'lost' | 'leak';
  copyNumber: string;
  login: string;
  description: string;
}

export function IncidentsTab({ canRecord, canSee }: { canRecord: boolean; canSee: boolean }) {
  const { t, i18n } = useTranslation();
  const { value, error, setError, loading, reload } = useLoaded(() => (canSee ? call(api().incidents.register({})) : Promise.resolve([])));
  const [recording, setRecording] = useState(false);
  const [form] = Form.useForm<IncidentForm>();
  const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '—');

  const submitting = useSubmit(async (values: IncidentForm) => {
    await call(api().incidents.record(values));
    form.resetFields();
    setRecording(false);
    void reload();
  });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      {canRecord && (
        <Button type="primary" danger onClick={() => setRecording(true)} data-testid="incident-record">
          {t('lifecycle.incidents.record')}
        </Button>
      )}
      {canSee && (
        <Table<IncidentDetail>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={value ?? []}
          data-testid="incidents-table"
          expandable={{
            expandedRowRender: (i) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text strong>{t('lifecycle.incidents.holders')}</Typography.Text>
                <Descriptions size="small" column={1} bordered>
                  {i.holders.map((h) => (
                    <Descriptions.Item key={h.card} label={`${h.card} · ${h.borrower.name}`}>
                      {t('lifecycle.incidents.held', { revision: h.revision ?? '—', from: time(h.from), to: time(h.to) })}
                    </Descriptions.Item>
                  ))}
                </Descriptions>
                <Typography.Text strong>{t('lifecycle.incidents.timeline')}</Typography.Text>
                <Timeline
                  items={i.timeline.map((e) => ({
                    key: e.seq,
                    color: e.outcome === 'ok' ? 'blue' : 'red',
                    content: `#${e.seq} ${time(e.at)} · ${e.actor ?? '—'} · ${e.event} (${e.outcome}) · ${e.object ?? ''}`,
                  }))}
                />
              </Space>
            ),
          }}
          columns={[
            { title: t('lifecycle.incidents.at'), render: (_, i) => time(i.at) },
            { title: t('lifecycle.incidents.kind'), render: (_, i) => <Tag color="red">{t(`lifecycle.incidents.kind_${i.kind}`)}</Tag> },
            { title: t('lifecycle.incidents.copy'), render: (_, i) => `${i.copyNumber} (r${i.revision})` },
            { title: t('lifecycle.incidents.person'), render: (_, i) => `${i.person.name} · ${t('lifecycle.incidents.marks', { count: i.marks })}` },
            { title: t('lifecycle.incidents.manager'), render: (_, i) => i.manager?.name ?? '—' },
            { title: t('lifecycle.incidents.description'), dataIndex: 'description' },
          ]}
        />
      )}
      {recording && (
        <FormModal
          title={t('lifecycle.incidents.record')}
          form={form}
          submitting={submitting}
          onClose={() => setRecording(false)}
          okText={t('lifecycle.incidents.record')}
          okButtonProps={{ danger: true }}
          initialValues={{ kind: 'leak' }}
        >
          <Form.Item name="kind" label={t('lifecycle.incidents.kind')}>
            <Radio.Group>
              <Radio value="leak">{t('lifecycle.incidents.kind_leak')}</Radio>
              <Radio value="lost">{t('lifecycle.incidents.kind_lost')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="copyNumber" label={t('lifecycle.incidents.copy')} rules={[{ required: true, message: t('lifecycle.required') }]}>
            <Input placeholder="KH-2026-00017-S" data-testid="incident-copy" />
          </Form.Item>
          <Form.Item name="login" label={t('lifecycle.incidents.personLogin')} rules={[{ required: true, message: t('lifecycle.required') }]}>
            <Input data-testid="incident-login" />
          </Form.Item>
          <Form.Item name="description" label={t('lifecycle.incidents.description')} rules={[{ required: true, message: t('lifecycle.required') }]}>
            <Input.TextArea rows={3} data-testid="incident-description" />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
