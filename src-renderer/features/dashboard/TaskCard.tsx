/**
 * One card of the dashboard's work list: a list the main process gives on request (each card asks
 * only for what concerns the person, and main decides again), its count, the first few rows and how
 * many more there are. A refusal or failure is shown in the card, never swallowed.
 */
import { Badge, Card, List, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoaded } from '../loans/useLoaded';

/** Enough to see what is waiting without the card outgrowing a 700-pixel window. */
const SHOWN = 5;

interface Props<T> {
  testId: string;
  title: string;
  empty: string;
  load: () => Promise<T[]>;
  row: (item: T) => ReactNode;
  rowKey: (item: T) => string;
  /** Counts shown as a red badge (e.g. overdue ones) rather than the neutral total. */
  urgent?: (item: T) => boolean;
  extra?: ReactNode;
}

export function TaskCard<T>({ testId, title, empty, load, row, rowKey, urgent, extra }: Props<T>) {
  const { t } = useTranslation();
  const { value, error, loading } = useLoaded(load);
  const items = value ?? [];
  const pressing = urgent ? items.filter(urgent).length : 0;
  return (
    <Card
      size="small"
      data-testid={testId}
      data-count={value ? items.length : undefined}
      loading={loading && !value}
      title={
        <span className="dashboard-task__title">
          {title} <Badge count={items.length} showZero color={pressing ? '#cf1322' : '#8c8c8c'} data-testid={`${testId}-count`} />
        </span>
      }
      extra={extra}
    >
      <ErrorBanner error={error} />
      {!error && (
        <List
          size="small"
          dataSource={items.slice(0, SHOWN)}
          locale={{ emptyText: empty }}
          renderItem={(item) => (
            <List.Item key={rowKey(item)} data-testid={`${testId}-row`}>
              {row(item)}
            </List.Item>
          )}
          footer={items.length > SHOWN ? <Typography.Text type="secondary">{t('dashboard.more', { count: items.length - SHOWN })}</Typography.Text> : undefined}
        />
      )}
    </Card>
  );
}

/** A row: what it is about on the left, its state and time on the right; both wrap, nothing is clipped. */
export function TaskRow({ main, sub, side }: { main: ReactNode; sub?: ReactNode; side?: ReactNode }) {
  return (
    <div className="dashboard-task__row">
      <div>
        <Typography.Text strong>{main}</Typography.Text>
        {sub && (
          <div>
            <Typography.Text type="secondary">{sub}</Typography.Text>
          </div>
        )}
      </div>
      {side && <div className="dashboard-task__side">{side}</div>}
    </div>
  );
}
