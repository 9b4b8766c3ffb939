/**
 * The dashboard's charts: main names the charts this person may see (core/policy decides) and sends
 * each one's data; this only draws them, each with its table.
 */
import { Col, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartData } from '../../../src-main/contract/analytics';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLabels } from '../../components/labels';
import { useSession } from '../session/SessionContext';
import { ChartCard } from './ChartCard';
import { useChartLabels } from './useChartLabels';

export function DashboardCharts() {
  const { t } = useTranslation();
  const [charts, setCharts] = useState<ChartData[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const ids = await call(api().dashboards.list({}));
      const data: ChartData[] = [];
      for (const id of ids) data.push(await call(api().dashboards.chart({ id })));
      if (live) setCharts(data);
    })().catch((cause: unknown) => live && setError(cause));
    return () => {
      live = false;
    };
  }, []);

  if (!error && charts.length === 0) return null;
  return (
    <section data-testid="dashboard-charts">
      <Typography.Title level={5}>{t('analytics.dashboardCharts')}</Typography.Title>
      <ErrorBanner error={error} />
      <Row gutter={[16, 0]}>
        {charts.map((chart) => (
          <Col key={chart.id} xs={24} xxl={12}>
            <DashboardChart chart={chart} />
          </Col>
        ))}
      </Row>
    </section>
  );
}

function DashboardChart({ chart }: { chart: ChartData }) {
  const { t } = useTranslation();
  const { departments } = useSession();
  const { department } = useLabels();
  const labels = useChartLabels();
  const scope = chart.department ? t('analytics.department', { name: department(chart.department, departments) }) : t('analytics.wholeArchive');
  return (
    <ChartCard
      title={t(`analytics.charts.${chart.id}`, { defaultValue: chart.id })}
      subtitle={scope}
      kind={chart.kind}
      categories={labels.categories(chart)}
      series={chart.series.map((s) => ({ name: labels.seriesName(s.key), values: s.values }))}
      noData={chart.noData}
      testId={`chart-${chart.id}`}
    />
  );
}
