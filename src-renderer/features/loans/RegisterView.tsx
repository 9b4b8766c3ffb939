/**
 * The borrowing register (借阅登记簿) of a department: searchable, printable (only the register
 * reaches paper, see loans.css) and exportable as CSV written by main to a path main asks for.
 */
import { DownloadOutlined, PrinterOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOAN_VIEW_STATES, type LoanViewState, type RegisterQuery } from '../../../src-main/contract/loans';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLabels } from '../../components/labels';
import { useSession } from '../session/SessionContext';
import { useLoanLabels } from './labels';
import { LoanTable } from './LoanTable';
import { useLoaded } from './useLoaded';
import { printPage } from '../../print/printPage';
import { SavePdfButton } from '../../print/SavePdfButton';

interface Filters {
  department: string;
  borrower?: string;
  dossier?: string;
  state?: LoanViewState;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function toQuery(f: Filters): RegisterQuery {
  const [from, to] = f.range ?? [null, null];
  return {
    department: f.department,
    ...(f.borrower?.trim() ? { borrower: f.borrower.trim() } : {}),
    ...(f.dossier?.trim() ? { dossier: f.dossier.trim() } : {}),
    ...(f.state ? { state: f.state } : {}),
    ...(from ? { from: from.startOf('day').toISOString() } : {}),
    // The end day is included: the query's `to` is exclusive.
    ...(to ? { to: to.add(1, 'day').startOf('day').toISOString() } : {}),
  };
}

export function RegisterView() {
  const { t } = useTranslation();
  const { actor, departments } = useSession();
  const { department } = useLabels();
  const { state, time } = useLoanLabels();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({ department: actor.department });
  const { value, error, setError, loading } = useLoaded(() => call(api().register.search(toQuery(filters))), [filters]);
  const [exporting, setExporting] = useState(false);
  const departmentName = department(filters.department, departments);

  const exportCsv = async () => {
    setExporting(true);
    try {
      const result = await call(api().register.export(toQuery(filters)));
      if (result.file) void message.success(t('loans.register.exported', { count: result.count, file: result.file }));
      setError(null);
    } catch (cause) {
      setError(cause);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div data-testid="loans-register">
      <Typography.Paragraph type="secondary" className="no-print">
        {t('loans.register.intro')}
      </Typography.Paragraph>
      <Form<Filters>
        layout="inline"
        className="loans-filters no-print"
        initialValues={filters}
        onFinish={(f) => setFilters({ ...f, department: f.department ?? actor.department })}
      >
        <Form.Item name="department" label={t('loans.register.department')}>
          <Select
            style={{ minWidth: 140 }}
            data-testid="register-department"
            options={departments.map((d) => ({ value: d.code, label: department(d.code, departments) }))}
          />
        </Form.Item>
        <Form.Item name="borrower" label={t('loans.register.borrower')}>
          <Input allowClear style={{ width: 140 }} data-testid="register-borrower" />
        </Form.Item>
        <Form.Item name="dossier" label={t('loans.register.dossier')}>
          <Input allowClear style={{ width: 150 }} placeholder="KH-2026-00001" data-testid="register-dossier" />
        </Form.Item>
        <Form.Item name="state" label={t('loans.register.state')}>
          <Select allowClear style={{ minWidth: 120 }} options={LOAN_VIEW_STATES.map((s) => ({ value: s, label: state(s) }))} data-testid="register-state" />
        </Form.Item>
        <Form.Item name="range" label={t('loans.register.period')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="register-search">
              {t('loans.register.search')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => void printPage()} data-testid="register-print">
              {t('loans.register.print')}
            </Button>
            <SavePdfButton request={{ document: 'register', department: filters.department }} testId="register-pdf" />
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()} data-testid="register-export">
              {t('loans.register.export')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <div className="loans-print">
        <div className="loans-print-heading">
          <Typography.Title level={4}>{t('loans.register.printedTitle', { department: departmentName })}</Typography.Title>
          <Typography.Text type="secondary">
            {t('loans.register.printedAt', { at: time(new Date().toISOString()), name: actor.name })} ·{' '}
            {t('loans.register.count', { count: value?.length ?? 0 })}
          </Typography.Text>
        </div>
        <LoanTable testId="register-table" loans={value ?? []} loading={loading} showBorrower />
      </div>
    </div>
  );
}
