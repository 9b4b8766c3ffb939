/**
 * Departure handover (离职交接): the leaver's department manager starts it naming the successors;
 * the checklist (dossiers, collector assignments, loans recalled, cards cancelled, packages
 * revoked) is co-signed here by the successor and a custodian or the key-account manager, and
 * printed. Main decides who may do each step.
 */
import { Button, Descriptions, Form, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverView } from '../../../src-main/contract/lifecycle-people';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../components/useSubmit';
import { useLoaded } from '../loans/useLoaded';

interface StartForm {
  leaver: string;
  successor: string;
  collectorSuccessor?: string;
}

export function HandoverTab({ canStart }: { canStart: boolean }) {
  const { t, i18n } = useTranslation();
  const { value, error, setError, loading, reload } = useLoaded(() => call(api().handover.list({})));
  const [starting, setStarting] = useState(false);
  const [form] = Form.useForm<StartForm>();
  const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '—');

  const submitting = useSubmit(async (v: StartForm) => {
    const cs = v.collectorSuccessor?.trim();
    await call(api().handover.start({ leaver: v.leaver, successor: v.successor, ...(cs ? { collectorSuccessor: cs } : {}) }));
    form.resetFields();
    setStarting(false);
    void reload();
  });

  const sign = async (h: HandoverView) => {
    try {
      await call(api().handover.sign({ id: h.id }));
      void reload();
    } catch (cause) {
      setError(cause);
    }
  };

  const list = (items: string[]) => (items.length ? items.join(t('lifecycle.listSeparator')) : '—');

  return (
    <Space orientation="vertical" style={{ width: '100%' }} className="destruction-record">
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Space className="destruction-record__actions">
        {canStart && (
          <Button type="primary" onClick={() => setStarting(true)} data-testid="handover-start">
            {t('lifecycle.handover.start')}
          </Button>
        )}
        <Button onClick={() => window.print()}>{t('lifecycle.record.print')}</Button>
      </Space>
      <div className="destruction-record__sheet" data-watermark={t('lifecycle.handover.title')}>
        <Table<HandoverView>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={value ?? []}
          data-testid="handover-table"
          pagination={false}
          expandable={{
            defaultExpandAllRows: true,
            expandedRowRender: (h) => (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('lifecycle.handover.dossiers')}>{list(h.checklist.dossiers)}</Descriptions.Item>
                <Descriptions.Item label={t('lifecycle.handover.assignments')}>{list(h.checklist.collectorAssignments)}</Descriptions.Item>
                <Descriptions.Item label={t('lifecycle.handover.loans')}>{list(h.checklist.loansRecalled)}</Descriptions.Item>
                <Descriptions.Item label={t('lifecycle.handover.cards')}>{list(h.checklist.cardsCancelled)}</Descriptions.Item>
                <Descriptions.Item label={t('lifecycle.handover.packages')}>{list(h.checklist.packagesRevoked)}</Descriptions.Item>
              </Descriptions>
            ),
          }}
          columns={[
            { title: t('lifecycle.handover.leaver'), render: (_, h) => `${h.leaver.name} (${h.leaver.login})` },
            { title: t('lifecycle.handover.successor'), render: (_, h) => h.successor.name + (h.collectorSuccessor ? ` / ${h.collectorSuccessor.name}` : '') },
            { title: t('lifecycle.handover.startedBy'), render: (_, h) => `${h.startedBy.name} · ${time(h.startedAt)}` },
            {
              title: t('lifecycle.handover.signatures'),
              render: (_, h) => (
                <Space size={4} wrap>
                  <Tag color={h.successorSignedAt ? 'green' : undefined}>{t('lifecycle.handover.successorSigned', { at: time(h.successorSignedAt) })}</Tag>
                  <Tag color={h.witness ? 'green' : undefined}>
                    {t('lifecycle.handover.witnessSigned', { name: h.witness?.name ?? '—', at: time(h.witness?.at ?? null) })}
                  </Tag>
                  {h.completedAt ? (
                    <Tag color="blue">{t('lifecycle.handover.completed')}</Tag>
                  ) : (
                    <Button size="small" onClick={() => void sign(h)} data-testid="handover-sign">
                      {t('lifecycle.handover.sign')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </div>
      {starting && (
        <FormModal
          title={t('lifecycle.handover.start')}
          form={form}
          submitting={submitting}
          onClose={() => setStarting(false)}
          okText={t('lifecycle.handover.start')}
          intro={<p>{t('lifecycle.handover.startWarning')}</p>}
        >
          <Form.Item name="leaver" label={t('lifecycle.handover.leaverLogin')} rules={[{ required: true, message: t('lifecycle.required') }]}>
            <Input data-testid="handover-leaver" />
          </Form.Item>
          <Form.Item name="successor" label={t('lifecycle.handover.successorLogin')} rules={[{ required: true, message: t('lifecycle.required') }]}>
            <Input data-testid="handover-successor" />
          </Form.Item>
          <Form.Item name="collectorSuccessor" label={t('lifecycle.handover.collectorLogin')}>
            <Input />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
