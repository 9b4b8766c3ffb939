/**
 * One chart with its table beside it (the same numbers, readable by a screen reader and in print)
 * and a print button that prints this card alone. Data arrives already decided by main.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Skeleton, Table, Typography } from 'antd';
import { lazy, Suspense, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { printPage } from '../../print/printPage';
import type { EChartSeries } from './EChart';
import './analytics.css';

const EChart = lazy(() => import('./EChart'));

export interface ChartCardProps {
  title: string;
  subtitle?: ReactNode;
  kind: 'bar' | 'line';
  categories: string[];
  series: EChartSeries[];
  percent?: boolean;
  noData?: boolean;
  testId: string;
}

export function ChartCard({ title, subtitle, kind, categories, series, percent = false, noData = false, testId }: ChartCardProps) {
  const { t } = useTranslation();
  const card = useRef<HTMLDivElement>(null);
  const print = async () => {
    // Only this card is visible in print (styles.css: .print-area).
    card.current?.classList.add('print-area');
    try {
      await printPage();
    } finally {
      card.current?.classList.remove('print-area');
    }
  };
  const format = (v: number) => (percent ? `${Math.round(v * 1000) / 10}%` : String(v));
  const rows = categories.map((category, i) => ({ key: `${i}`, category, ...Object.fromEntries(series.map((s, j) => [`s${j}`, s.values[i] ?? 0])) }));
  const columns = [
    { title: t('analytics.category'), dataIndex: 'category', key: 'category' },
    ...series.map((s, j) => ({ title: s.name, dataIndex: `s${j}`, key: `s${j}`, align: 'right' as const, render: (v: number) => format(v) })),
  ];
  const empty = categories.length === 0 || series.every((s) => s.values.every((v) => v === 0));
  return (
    <div ref={card} className="chart-card" data-testid={testId}>
      <Card
        size="small"
        title={title}
        extra={
          <Button size="small" icon={<PrinterOutlined />} onClick={() => void print()} className="no-print" data-testid={`${testId}-print`}>
            {t('analytics.print')}
          </Button>
        }
      >
        {subtitle && <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>}
        {noData ? (
          <Empty description={t('analytics.noData')} data-testid={`${testId}-nodata`} />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              {empty ? (
                <Empty description={t('analytics.empty')} />
              ) : (
                <Suspense fallback={<Skeleton active />}>
                  <EChart kind={kind} categories={categories} series={series} percent={percent} testId={`${testId}-chart`} />
                </Suspense>
              )}
            </Col>
            <Col xs={24} lg={10}>
              <Table size="small" pagination={false} dataSource={rows} columns={columns} data-testid={`${testId}-table`} scroll={{ y: 260 }} />
            </Col>
          </Row>
        )}
      </Card>
    </div>
  );
}
