/**
 * Destruction requests: a custodian asks (dossier number and reason); the holding departments'
 * managers approve or reject; a legal hold shows as a tag and main refuses every step while it
 * holds. Main decides every action again; the buttons are courtesy.
 */
import { Button, Form, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DestructionRequestView } from '../../../src-main/contract/records';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../components/useSubmit';
import { useLoaded } from '../loans/useLoaded';

const STATE_COLORS = { pending: 'gold', rejected: 'default', destroyed: 'red' } as const;

export function DestructionTab({ canRequest, canDecide }: { canRequest: boolean; canDecide: boolean }) {
  const { t } = useTranslation();
  const { value, error, setError, loading, reload } = useLoaded(() => call(api().destruction.list({})));
  const [asking, setAsking] = useState(false);
  const [deciding, setDeciding] = useState<{ request: DestructionRequestView; verb: 'approve' | 'reject' } | null>(null);
  const [form] = Form.useForm<{ number: string; reason: string }>();
  const [noteForm] = Form.useForm<{ note: string }>();

  const asked = useSubmit(async (values: { number: string; reason: string }) => {
    await call(api().destruction.request(values));
    setAsking(false);
    form.resetFields();
    void reload();
  });

  const decided = useSubmit(async ({ note }: { note?: string }) => {
    if (!deciding) return;
    const request = { id: deciding.request.id, note: note ?? '' };
    await call(deciding.verb === 'approve' ? api().destruction.approve(request) : api().destruction.reject(request));
    setDeciding(null);
    noteForm.resetFields();
    void reload();
  });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      {canRequest && (
        <Button type="primary" danger onClick={() => setAsking(true)} data-testid="destruction-request">
          {t('lifecycle.destruction.request')}
        </Button>
      )}
      <Table<DestructionRequestView>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={value ?? []}
        data-testid="destruction-table"
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('lifecycle.destruction.number'), dataIndex: 'number' },
          { title: t('lifecycle.destruction.customer'), dataIndex: 'customerName' },
          { title: t('lifecycle.destruction.reason'), dataIndex: 'reason' },
          { title: t('lifecycle.destruction.requestedBy'), render: (_, r) => r.requestedBy.name },
          {
            title: t('lifecycle.destruction.approvals'),
            render: (_, r) =>
              r.departments.map((d) => {
                const decision = r.decisions.find((x) => x.department === d);
                return (
                  <Tag key={d} color={decision ? (decision.decision === 'approve' ? 'green' : 'red') : undefined}>
                    {d}
                    {decision ? ` · ${decision.approver.name}` : ''}
                  </Tag>
                );
              }),
          },
          {
            title: t('lifecycle.destruction.state'),
            render: (_, r) => (
              <Space size={4}>
                <Tag color={STATE_COLORS[r.state]}>{t(`lifecycle.destruction.state_${r.state}`)}</Tag>
                {r.held && <Tag color="purple">{t('lifecycle.holds.held')}</Tag>}
              </Space>
            ),
          },
          ...(canDecide
            ? [
                {
                  title: '',
                  render: (_: unknown, r: DestructionRequestView) =>
                    r.state === 'pending' && (
                      <Space size={4}>
                        <Button size="small" danger onClick={() => setDeciding({ request: r, verb: 'approve' })} data-testid="destruction-approve">
                          {t('lifecycle.destruction.approve')}
                        </Button>
                        <Button size="small" onClick={() => setDeciding({ request: r, verb: 'reject' })} data-testid="destruction-reject">
                          {t('lifecycle.destruction.reject')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {asking && (
        <FormModal
          title={t('lifecycle.destruction.request')}
          form={form}
          submitting={asked}
          onClose={() => setAsking(false)}
          okText={t('lifecycle.destruction.request')}
          okButtonProps={{ danger: true }}
        >
          <Form.Item name="number" label={t('lifecycle.destruction.number')} rules={[{ required: true, message: t('lifecycle.required') }]}>
            <Input data-testid="destruction-number" />
          </Form.Item>
          <Form.Item name="reason" label={t('lifecycle.destruction.reason')} rules={[{ required: true, message: t('lifecycle.required') }]}>
            <Input.TextArea rows={3} data-testid="destruction-reason" />
          </Form.Item>
        </FormModal>
      )}
      {deciding && (
        <FormModal
          title={t(`lifecycle.destruction.${deciding.verb}Title`, { number: deciding.request.number })}
          form={noteForm}
          submitting={decided}
          onClose={() => setDeciding(null)}
          okText={t(`lifecycle.destruction.${deciding.verb}`)}
          okButtonProps={{ danger: deciding.verb === 'approve', 'data-testid': 'confirm-ok' }}
          intro={deciding.verb === 'approve' && <p>{t('lifecycle.destruction.approveWarning')}</p>}
        >
          <Form.Item name="note" label={t('lifecycle.destruction.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
