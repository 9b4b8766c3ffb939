/**
 * The information analyst's page (信息分析员): a few standing aggregates and one the analyst
 * composes (measure, grouping, an optional filter). Every answer comes from main, which refuses
 * personal fields and small groups (core/policy) and journals each query; nothing here names a customer.
 */
import { Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANALYTIC_DIMENSIONS,
  ANALYTIC_MEASURES,
  type AnalyticDimension,
  type AnalyticMeasure,
  type AnalyticsResult,
} from '../../../src-main/contract/analytics';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ChartCard } from './ChartCard';
import { useChartLabels } from './useChartLabels';

interface Ask {
  measure: AnalyticMeasure;
  dimension: AnalyticDimension;
  filters?: Record<string, string>;
}

/** What the page shows without being asked. */
const STANDING: Ask[] = [
  { measure: 'dossiers', dimension: 'grade' },
  { measure: 'dossiers', dimension: 'lifecycle' },
  { measure: 'dossiers', dimension: 'industry' },
  { measure: 'reviewCompliance', dimension: 'department' },
  { measure: 'loans', dimension: 'month' },
];

export function AnalystPage() {
  const { t } = useTranslation();
  const [results, setResults] = useState<AnalyticsResult[]>([]);
  const [custom, setCustom] = useState<AnalyticsResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void (async () => {
      const out: AnalyticsResult[] = [];
      // One refused answer (a small archive) must not hide the others: each is asked on its own.
      let first: unknown = null;
      for (const ask of STANDING) {
        try {
          out.push(await call(api().analytics.query({ ...ask, filters: {} })));
        } catch (cause) {
          first ??= cause;
        }
      }
      if (!live) return;
      setResults(out);
      if (first) setError(first);
    })();
    return () => {
      live = false;
    };
  }, []);

  const run = useCallback(async (values: { measure: AnalyticMeasure; dimension: AnalyticDimension; filterField?: AnalyticDimension; filterValue?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const filters = values.filterField && values.filterValue ? { [values.filterField]: values.filterValue } : {};
      setCustom(await call(api().analytics.query({ measure: values.measure, dimension: values.dimension, filters })));
    } catch (cause) {
      setCustom(null);
      setError(cause);
    } finally {
      setBusy(false);
    }
  }, []);

  return (
    <Card data-testid="screen-analytics" className="page-card">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('analytics.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('analytics.intro')}</Typography.Paragraph>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Form layout="inline" onFinish={run} initialValues={{ measure: 'dossiers', dimension: 'grade' }} style={{ marginBottom: 16 }} disabled={busy}>
        <Form.Item name="measure" label={t('analytics.measure')}>
          <Select
            style={{ width: 180 }}
            options={ANALYTIC_MEASURES.map((m) => ({ value: m, label: t(`analytics.measures.${m}`) }))}
            data-testid="analytics-measure"
          />
        </Form.Item>
        <Form.Item name="dimension" label={t('analytics.dimension')}>
          <Select
            style={{ width: 160 }}
            options={ANALYTIC_DIMENSIONS.map((d) => ({ value: d, label: t(`analytics.dimensions.${d}`) }))}
            data-testid="analytics-dimension"
          />
        </Form.Item>
        <Form.Item label={t('analytics.filter')}>
          <Space.Compact>
            <Form.Item name="filterField" noStyle>
              <Select
                allowClear
                style={{ width: 150 }}
                options={ANALYTIC_DIMENSIONS.map((d) => ({ value: d, label: t(`analytics.dimensions.${d}`) }))}
                data-testid="analytics-filter-field"
              />
            </Form.Item>
            <Form.Item name="filterValue" noStyle>
              <Input style={{ width: 140 }} placeholder={t('analytics.filterValue')} maxLength={200} data-testid="analytics-filter-value" />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="analytics-run">
          {t('analytics.run')}
        </Button>
      </Form>
      {custom && <ResultChart result={custom} testId="analytics-custom" />}
      {results.map((result, i) => (
        <ResultChart key={i} result={result} testId={`analytics-${result.measure}-${result.dimension}`} />
      ))}
    </Card>
  );
}

function ResultChart({ result, testId }: { result: AnalyticsResult; testId: string }) {
  const { t } = useTranslation();
  const labels = useChartLabels();
  const rate = result.measure === 'reviewCompliance';
  const values = result.rows.map((r) => (rate ? (r.rate ?? 0) : r.count));
  return (
    <ChartCard
      title={`${t(`analytics.measures.${result.measure}`)} · ${t(`analytics.dimensions.${result.dimension}`)}`}
      subtitle={t('analytics.total', { count: result.total, min: result.minGroupSize })}
      kind={result.dimension === 'month' ? 'line' : 'bar'}
      categories={result.rows.map((r) => labels.groupKey(result.dimension, r.key))}
      series={[{ name: t(rate ? 'analytics.rate' : 'analytics.value'), values }]}
      percent={rate}
      testId={testId}
    />
  );
}
