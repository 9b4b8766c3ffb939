/**
 * The auditors' standing questions, each answered in a table that prints cleanly (journal.css,
 * @media print): who opened dossier X, what person Y opened, refused attempts, access outside
 * working hours, overdue loans. Every run is a journaled read in main.
 */
import { PlayCircleOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Form, Input, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import type { JournalEntryView, JournalPageView } from '../../../src-main/contract/ipc-journal';
import type { LoanView } from '../../../src-main/contract/loans';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { localTime, objectLabel } from './format';
import { OutcomeTag } from './OutcomeTag';
import { printPage } from '../../print/printPage';
import { SavePdfButton } from '../../print/SavePdfButton';
import { useSubmit } from '../../components/useSubmit';

export const REPORTS = ['whoOpened', 'openedBy', 'refused', 'outsideHours', 'overdueLoans'] as const;
export type ReportKind = (typeof REPORTS)[number];

interface Params {
  dossierId?: string;
  person?: string;
  start?: string;
  end?: string;
}

type Answer = { kind: 'entries'; entries: JournalEntryView[]; next: number | null } | { kind: 'loans'; loans: LoanView[] };

const PAGE = 500;

function ask(kind: Exclude<ReportKind, 'overdueLoans'>, p: Params, afterSeq: number): Promise<JournalPageView> {
  const page = { afterSeq, limit: PAGE };
  const person = p.person?.trim() || undefined;
  switch (kind) {
    case 'whoOpened':
      return call(api().reports.whoOpened({ dossierId: p.dossierId?.trim() ?? '', ...page }));
    case 'openedBy':
      return call(api().reports.openedBy({ person: person ?? '', ...page }));
    case 'refused':
      return call(api().reports.refused({ person, ...page }));
    case 'outsideHours':
      return call(api().reports.outsideHours({ person, start: p.start?.trim() || undefined, end: p.end?.trim() || undefined, ...page }));
  }
}

export function ReportsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const [kind, setKind] = useState<ReportKind>('whoOpened');
  const [params, setParams] = useState<Params>({ start: '09:00', end: '18:00' });
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [ranAt, setRanAt] = useState<string | null>(null);

  const {
    submit: run,
    busy,
    error,
    setError,
  } = useSubmit(async (more = false) => {
    if (kind === 'overdueLoans') setAnswer({ kind: 'loans', loans: await call(api().reports.overdueLoans({})) });
    else {
      const after = more && answer?.kind === 'entries' ? (answer.next ?? 0) : 0;
      const page = await ask(kind, params, after);
      const before = more && answer?.kind === 'entries' ? answer.entries : [];
      setAnswer({ kind: 'entries', entries: [...before, ...page.entries], next: page.nextAfterSeq });
    }
    setRanAt(format.dateTime(new Date()));
  });

  const field = (name: keyof Params, label: string, placeholder?: string, width = 180) => (
    <Form.Item label={label}>
      <Input
        value={params[name] ?? ''}
        placeholder={placeholder}
        style={{ width }}
        onChange={(e) => setParams((p) => ({ ...p, [name]: e.target.value }))}
        data-testid={`report-param-${name}`}
      />
    </Form.Item>
  );

  const entryColumns = [
    { key: 'seq', title: t('journal.col.seq'), dataIndex: 'seq', width: 80 },
    { key: 'time', title: t('journal.col.time'), render: (_: unknown, e: JournalEntryView) => localTime(e.at, e.tzOffset), width: 200 },
    { key: 'actor', title: t('journal.col.actor'), render: (_: unknown, e: JournalEntryView) => e.actorName ?? t('journal.details.system') },
    { key: 'event', title: t('journal.col.event'), dataIndex: 'event' },
    { key: 'object', title: t('journal.col.object'), render: (_: unknown, e: JournalEntryView) => objectLabel(e) },
    { key: 'outcome', title: t('journal.col.outcome'), render: (_: unknown, e: JournalEntryView) => <OutcomeTag outcome={e.outcome} />, width: 100 },
    { key: 'reason', title: t('journal.col.reason'), render: (_: unknown, e: JournalEntryView) => e.reason ?? '' },
  ];
  const loanColumns = [
    { key: 'card', title: t('journal.reports.loan.card'), dataIndex: 'card' },
    { key: 'borrower', title: t('journal.reports.loan.borrower'), render: (_: unknown, l: LoanView) => `${l.borrower.name} (${l.borrower.login})` },
    { key: 'dossier', title: t('journal.reports.loan.dossier'), render: (_: unknown, l: LoanView) => `${l.number} ${l.customerName}` },
    { key: 'copy', title: t('journal.reports.loan.copy'), dataIndex: 'copyNumber' },
    { key: 'due', title: t('journal.reports.loan.due'), render: (_: unknown, l: LoanView) => format.dateTime(l.dueAt) },
    {
      key: 'days',
      title: t('journal.reports.loan.daysOver'),
      render: (_: unknown, l: LoanView) => (l.dueAt ? Math.max(0, Math.floor((Date.now() - Date.parse(l.dueAt)) / 86_400_000)) : '—'),
    },
  ];

  const paramsLine = [
    params.dossierId && kind === 'whoOpened' ? params.dossierId : null,
    params.person && kind !== 'whoOpened' && kind !== 'overdueLoans' ? params.person : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <div data-testid="reports-panel">
      <div className="no-print">
        <Segmented
          value={kind}
          onChange={(value) => {
            setKind(value as ReportKind);
            setAnswer(null);
          }}
          options={REPORTS.map((r) => ({ value: r, label: <span data-testid={`report-${r}`}>{t(`journal.reports.${r}.title`)}</span> }))}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t(`journal.reports.${kind}.hint`)}
        </Typography.Paragraph>
        <Form layout="inline" onFinish={() => run(false)} style={{ marginBottom: 16, rowGap: 8 }}>
          {kind === 'whoOpened' && field('dossierId', t('journal.filter.dossier'), 'KH-2026-00017')}
          {(kind === 'openedBy' || kind === 'refused' || kind === 'outsideHours') &&
            field('person', t('journal.filter.person'), t('journal.filter.personPlaceholder'))}
          {kind === 'outsideHours' && field('start', t('journal.reports.outsideHours.start'), '09:00', 90)}
          {kind === 'outsideHours' && field('end', t('journal.reports.outsideHours.end'), '18:00', 90)}
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<PlayCircleOutlined />} loading={busy} data-testid="report-run">
                {t('journal.reports.run')}
              </Button>
              <Button icon={<PrinterOutlined />} disabled={!answer} onClick={() => void printPage()} data-testid="report-print">
                {t('journal.reports.print')}
              </Button>
              <SavePdfButton request={{ document: 'report' }} disabled={!answer} testId="report-pdf" />
            </Space>
          </Form.Item>
        </Form>
      </div>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      {answer && (
        <div className="print-area report-print" data-testid="report-result">
          <Typography.Title level={4} className="report-print__title">
            {t(`journal.reports.${kind}.title`)}
            {paramsLine ? ` — ${paramsLine}` : ''}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('journal.reports.generated', { at: ranAt ?? '' })}</Typography.Paragraph>
          {answer.kind === 'entries' ? (
            <Table<JournalEntryView>
              rowKey="seq"
              size="small"
              columns={entryColumns}
              dataSource={answer.entries}
              pagination={false}
              data-testid="report-table"
            />
          ) : (
            <Table<LoanView> rowKey="card" size="small" columns={loanColumns} dataSource={answer.loans} pagination={false} data-testid="report-table" />
          )}
          {answer.kind === 'entries' && answer.next !== null && (
            <Button className="no-print" style={{ marginTop: 12 }} onClick={() => run(true)} loading={busy} data-testid="report-more">
              {t('journal.reports.more')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
