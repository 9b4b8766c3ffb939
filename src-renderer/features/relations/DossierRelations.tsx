/**
 * A dossier's customer care (issue 17 points 5–7): what is due this half-year and quarter, the
 * forms to record a complaint, the half-yearly survey, a satisfaction survey or a re-grading (for
 * the people main says may), and the records: complaints, follow-ups, grade history, surveys.
 */
import { App, Alert, Button, Descriptions, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GradeReviewView, PeriodicSurveyView, SatisfactionSurveyView } from '../../../src-main/contract/relations';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useDossierLabels } from '../dossiers/labels';
import { useLoaded } from '../loans/useLoaded';
import { ComplaintsTable } from './ComplaintsTable';
import { FollowUpsTable } from './FollowUpsTable';
import { RelationForms, type FormKind } from './RelationForms';
import './relations.css';

/** A dossier's past grade reviews or surveys: small, eight to a page. */
function HistoryTable<T extends { id: number }>({ rows, testId, columns }: { rows: T[]; testId: string; columns: TableColumnsType<T> }) {
  return <Table<T> rowKey="id" size="small" dataSource={rows} data-testid={testId} pagination={{ pageSize: 8, hideOnSinglePage: true }} columns={columns} />;
}

export function DossierRelations({ number, onChanged }: { number: string; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { grade } = useDossierLabels();
  const { value: view, error, setError, loading, reload } = useLoaded(() => call(api().relations.dossier({ number })), [number]);
  const [form, setForm] = useState<FormKind | null>(null);
  const time = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const hidden = <Typography.Text type="secondary">{t('relations.hidden')}</Typography.Text>;
  const changed = () => {
    void reload();
    onChanged();
  };

  if (!view) return <ErrorBanner error={error} onClose={() => setError(null)} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="dossier-relations">
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Space wrap>
        {view.transacting ? (
          <Tag color={view.surveyDue ? 'gold' : 'green'} data-testid="survey-status">
            {view.surveyDue ? t('relations.survey.due', { period: view.currentHalf }) : t('relations.survey.done', { period: view.currentHalf })}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t('relations.survey.notTransacting')}</Typography.Text>
        )}
        {(view.regradeDue || view.grades.some((g) => g.quarter === view.currentQuarter)) && (
          <Tag color={view.regradeDue ? 'gold' : 'green'} data-testid="regrade-status">
            {view.regradeDue ? t('relations.regrade.due', { quarter: view.currentQuarter }) : t('relations.regrade.done', { quarter: view.currentQuarter })}
          </Tag>
        )}
      </Space>
      <Space wrap>
        {view.mayWrite && (
          <Button type="primary" onClick={() => setForm('complaint')} data-testid="relations-record-complaint">
            {t('relations.complaint.record')}
          </Button>
        )}
        {view.mayWrite && view.transacting && (
          <Button onClick={() => setForm('survey')} data-testid="relations-record-survey">
            {t('relations.survey.record')}
          </Button>
        )}
        {view.mayWrite && (
          <Button onClick={() => setForm('satisfaction')} data-testid="relations-record-satisfaction">
            {t('relations.satisfaction.record')}
          </Button>
        )}
        {view.mayRegrade && (
          <Button onClick={() => setForm('regrade')} data-testid="relations-regrade">
            {t('relations.regrade.record')}
          </Button>
        )}
      </Space>

      <Typography.Title level={5}>{t('relations.tabComplaints')}</Typography.Title>
      <ComplaintsTable rows={view.complaints} loading={loading} showCustomer={false} onChanged={changed} onError={setError} />

      <Typography.Title level={5}>{t('relations.tabFollowUps')}</Typography.Title>
      <FollowUpsTable rows={view.followUps} loading={loading} showCustomer={false} onChanged={changed} />

      <Typography.Title level={5}>{t('relations.regrade.history')}</Typography.Title>
      <HistoryTable<GradeReviewView>
        rows={view.grades}
        testId="grade-history"
        columns={[
          { title: t('relations.regrade.quarter'), dataIndex: 'quarter' },
          { title: t('relations.regrade.value'), dataIndex: 'value' },
          { title: t('relations.regrade.potential'), dataIndex: 'potential' },
          { title: t('relations.regrade.stability'), dataIndex: 'stability' },
          { title: t('relations.regrade.change'), render: (_, g) => `${grade(g.gradeBefore)} → ${grade(g.gradeAfter)}` },
          { title: t('relations.regrade.note'), render: (_, g) => (g.note === null ? hidden : g.note || '—') },
          { title: t('relations.survey.surveyedBy'), render: (_, g) => `${g.reviewedBy.name} · ${time(g.reviewedAt)}` },
        ]}
      />

      <Typography.Title level={5}>{t('relations.survey.history')}</Typography.Title>
      <HistoryTable<PeriodicSurveyView>
        rows={view.surveys}
        testId="survey-history"
        columns={[
          { title: t('relations.survey.period'), dataIndex: 'period' },
          { title: t('relations.survey.changes'), render: (_, s) => (s.changes === null ? hidden : s.changes) },
          {
            title: t('relations.regrade.change'),
            render: (_, s) => (s.gradeBefore !== s.gradeAfter ? `${grade(s.gradeBefore)} → ${grade(s.gradeAfter)}` : '—'),
          },
          { title: t('relations.survey.surveyedBy'), render: (_, s) => `${s.recordedBy.name} · ${time(s.conductedAt)}` },
        ]}
      />

      <Typography.Title level={5}>{t('relations.satisfaction.title')}</Typography.Title>
      {view.satisfaction.length === 0 && <Typography.Text type="secondary">{t('relations.none')}</Typography.Text>}
      {view.satisfaction.map((s: SatisfactionSurveyView) => (
        <Descriptions key={s.id} size="small" bordered column={1} title={`${time(s.conductedAt)} · ${s.recordedBy.name}`}>
          {s.items.map((i) => (
            <Descriptions.Item key={i.position} label={i.question}>
              <Space>
                <Tag color={i.unsatisfied ? 'red' : 'green'}>{i.score}</Tag>
                {i.unsatisfied && <Tag color="red">{t('relations.satisfaction.unsatisfied')}</Tag>}
                {i.comment === null ? hidden : i.comment}
              </Space>
            </Descriptions.Item>
          ))}
        </Descriptions>
      ))}
      {view.satisfaction.length > 0 && (
        <Alert type="info" showIcon title={t('relations.satisfaction.thresholdHint', { threshold: view.satisfaction[0]!.threshold })} />
      )}

      <RelationForms
        kind={form}
        number={number}
        onClose={() => setForm(null)}
        onDone={(text) => {
          setForm(null);
          void message.success(text);
          changed();
        }}
      />
    </Space>
  );
}
