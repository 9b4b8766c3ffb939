/** Follow-ups of unsatisfied survey items (针对不满意项制定改进措施并跟踪落实), each closed with what was done. */
import { Button, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpView } from '../../../src-main/contract/relations';
import { api, call } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../components/useSubmit';

interface Props {
  rows: FollowUpView[];
  loading: boolean;
  showCustomer: boolean;
  onChanged: () => void;
}

export function FollowUpsTable({ rows, loading, showCustomer, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const [closing, setClosing] = useState<number | null>(null);
  const [form] = Form.useForm<{ result: string }>();

  const submitting = useSubmit(async ({ result }: { result: string }) => {
    if (closing === null) return;
    await call(api().relations.closeFollowUp({ id: closing, result }));
    setClosing(null);
    form.resetFields();
    onChanged();
  });

  return (
    <>
      <Table<FollowUpView>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        data-testid="followups-table"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '#', dataIndex: 'id', width: 56 },
          ...(showCustomer ? [{ title: t('relations.customer'), render: (_: unknown, f: FollowUpView) => `${f.number} · ${f.customerName}` }] : []),
          { title: t('relations.followUp.question'), dataIndex: 'question' },
          { title: t('relations.followUp.score'), dataIndex: 'score', width: 64 },
          {
            title: t('relations.followUp.action'),
            render: (_, f) =>
              f.action === null ? (
                <Typography.Text type="secondary">{t('relations.hidden')}</Typography.Text>
              ) : (
                f.action || t('relations.followUp.actionPending')
              ),
          },
          { title: t('relations.owner'), render: (_, f) => f.owner.name },
          { title: t('relations.dueAt'), render: (_, f) => new Date(f.dueAt).toLocaleString(i18n.language) },
          {
            title: t('relations.state'),
            render: (_, f) =>
              f.closedAt ? (
                <Tag title={f.result ?? ''}>{t('relations.followUp.closed')}</Tag>
              ) : (
                <Space size={4}>
                  {f.overdue && <Tag color="red">{t('relations.overdue')}</Tag>}
                  <Button size="small" onClick={() => setClosing(f.id)} data-testid={`followup-close-${f.id}`}>
                    {t('relations.followUp.close')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {closing !== null && (
        <FormModal
          title={t('relations.followUp.close')}
          form={form}
          submitting={submitting}
          onClose={() => setClosing(null)}
          okText={t('relations.followUp.close')}
        >
          <Form.Item name="result" label={t('relations.followUp.result')} rules={[{ required: true, whitespace: true, message: t('relations.required') }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="followup-result" />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
