/**
 * "My due work" (issue 17 point 8): the one due list main computes for the signed-in person
 * (due:list — the same items `triplicate due` prints), every kind labelled, overdue first by due
 * time. Contacts and callbacks can be recorded from here; the list is asked for again afterwards.
 */
import { Badge, Button, Card, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueItem } from '../../../src-main/contract/due';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoaded } from '../loans/useLoaded';
import { useLoanLabels } from '../loans/labels';
import { TaskRow } from '../dashboard/TaskCard';
import { RecordContactModal } from './RecordContactModal';

const PAGE = 8;
const RECORDABLE = new Set<DueItem['kind']>(['contact', 'callback']);

export function DueCard() {
  const { t } = useTranslation();
  const { time } = useLoanLabels();
  const { value, error, loading, reload } = useLoaded(() => call(api().due.list({})));
  const [recording, setRecording] = useState<DueItem | null>(null);
  const items = value ?? [];
  const overdue = items.filter((i) => i.overdue).length;
  // One row may stand for many items of its kind (core/due/more.ts): the badge counts them all.
  const total = items.reduce((n, i) => n + (i.more ?? 1), 0);
  const subject = (item: DueItem) =>
    item.more !== undefined ? t('due.moreItems', { count: item.more }) : (item.subject ?? (RECORDABLE.has(item.kind) ? t('due.keyPerson') : null));
  return (
    <Card
      size="small"
      data-testid="dashboard-due"
      data-count={value ? total : undefined}
      loading={loading && !value}
      title={
        <span className="dashboard-task__title">
          {t('due.title')} <Badge count={total} overflowCount={9999} showZero color={overdue ? '#cf1322' : '#8c8c8c'} data-testid="dashboard-due-count" />
        </span>
      }
    >
      <ErrorBanner error={error} />
      {!error && (
        <List
          size="small"
          dataSource={items}
          locale={{ emptyText: t('due.none') }}
          pagination={items.length > PAGE ? { pageSize: PAGE, size: 'small', showSizeChanger: false } : false}
          renderItem={(item) => (
            <List.Item key={item.key} data-testid="dashboard-due-row" data-kind={item.kind} data-key={item.key}>
              <TaskRow
                main={
                  <>
                    <Tag data-testid="dashboard-due-kind">{t(`due.kind.${item.kind}`, { defaultValue: item.kind })}</Tag>
                    {item.customerName ?? item.dossierNumber ?? ''}
                  </>
                }
                sub={[item.dossierNumber, subject(item)].filter(Boolean).join(' · ')}
                side={
                  <>
                    <Tag color={item.overdue ? 'red' : 'gold'}>{t(item.overdue ? 'due.overdue' : 'due.due')}</Tag>
                    <Typography.Text type="secondary">{t('due.by', { time: time(item.dueAt) })}</Typography.Text>
                    {RECORDABLE.has(item.kind) && item.dossierNumber && item.more === undefined && (
                      <Button size="small" onClick={() => setRecording(item)} data-testid="dashboard-due-record">
                        {t('due.record')}
                      </Button>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {recording && (
        <RecordContactModal
          item={recording}
          onClose={(recorded) => {
            setRecording(null);
            if (recorded) void reload();
          }}
        />
      )}
    </Card>
  );
}
