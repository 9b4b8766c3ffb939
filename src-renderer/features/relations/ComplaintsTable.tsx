/**
 * Complaints with their two deadlines (首小时响应，24小时内提供解决方案): overdue ones flagged red,
 * steps taken late marked, and the next step (respond → solve → close) one click away. Main
 * decides who may take a step; a refusal is shown as main words it.
 */
import { Button, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintView } from '../../../src-main/contract/relations';
import { api, call } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../components/useSubmit';

const NEXT = { received: 'respond', responded: 'solve', solved: 'close', closed: null } as const;

interface Props {
  rows: ComplaintView[];
  loading: boolean;
  showCustomer: boolean;
  onChanged: () => void;
  onError: (error: unknown) => void;
}

export function ComplaintsTable({ rows, loading, showCustomer, onChanged, onError }: Props) {
  const { t, i18n } = useTranslation();
  const [stepping, setStepping] = useState<{ id: number; step: 'respond' | 'solve' } | null>(null);
  const [form] = Form.useForm<{ text: string }>();
  const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '—');

  const take = async (id: number, step: 'respond' | 'solve' | 'close', text?: string) => {
    try {
      await call(api().relations.complaintStep({ id, step, ...(text ? { text } : {}) }));
      onChanged();
    } catch (cause) {
      onError(cause);
    }
  };
  const stepped = useSubmit(async ({ text }: { text: string }) => {
    if (!stepping) return;
    await call(api().relations.complaintStep({ id: stepping.id, step: stepping.step, text }));
    setStepping(null);
    form.resetFields();
    onChanged();
  });

  return (
    <>
      <Table<ComplaintView>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        data-testid="complaints-table"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        rowClassName={(c) => (c.overdue ? 'relations-overdue' : '')}
        columns={[
          { title: '#', dataIndex: 'id', width: 56 },
          ...(showCustomer ? [{ title: t('relations.customer'), render: (_: unknown, c: ComplaintView) => `${c.number} · ${c.customerName}` }] : []),
          {
            title: t('relations.complaint.subject'),
            render: (_, c) =>
              c.subject === null ? (
                <Typography.Text type="secondary">{t('relations.hidden')}</Typography.Text>
              ) : (
                <span title={c.content ?? ''}>{c.subject}</span>
              ),
          },
          { title: t('relations.owner'), render: (_, c) => c.owner.name },
          { title: t('relations.complaint.receivedAt'), render: (_, c) => time(c.receivedAt) },
          {
            title: t('relations.complaint.respondBy'),
            render: (_, c) => (
              <Space size={4}>
                {c.respondedAt ? time(c.respondedAt) : time(c.respondBy)}
                {c.responseLate && <Tag color="orange">{t('relations.late')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('relations.complaint.solveBy'),
            render: (_, c) => (
              <Space size={4}>
                {c.solvedAt ? time(c.solvedAt) : time(c.solveBy)}
                {c.solutionLate && <Tag color="orange">{t('relations.late')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('relations.state'),
            render: (_, c) => (
              <Space size={4} data-testid={`complaint-state-${c.id}`}>
                <Tag>{t(`relations.states.${c.state}`)}</Tag>
                {c.overdue && (
                  <Tag color="red" data-testid="complaint-overdue">
                    {t('relations.overdue')}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: '',
            render: (_, c) => {
              const next = NEXT[c.state];
              if (!next) return null;
              return (
                <Button
                  size="small"
                  data-testid={`complaint-${next}-${c.id}`}
                  onClick={() => (next === 'close' ? void take(c.id, 'close') : setStepping({ id: c.id, step: next }))}
                >
                  {t(`relations.complaint.${next}`)}
                </Button>
              );
            },
          },
        ]}
      />
      {stepping && (
        <FormModal
          title={t(`relations.complaint.${stepping.step}`)}
          form={form}
          submitting={stepped}
          onClose={() => setStepping(null)}
          okText={t(`relations.complaint.${stepping.step}`)}
          okButtonProps={{ 'data-testid': 'complaint-step-ok' }}
        >
          <Form.Item
            name="text"
            label={stepping.step === 'solve' ? t('relations.complaint.solution') : t('relations.complaint.response')}
            rules={[{ required: true, whitespace: true, message: t('relations.required') }]}
          >
            <Input.TextArea rows={3} maxLength={4000} data-testid="complaint-step-text" />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
