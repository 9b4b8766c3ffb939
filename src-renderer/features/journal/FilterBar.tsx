/**
 * The auditor's filters: time range, person (login), dossier (archive number), event type and
 * outcome. Applied on submit, so typing does not send a read (each read is journaled) per keystroke.
 */
import { FilterOutlined, UndoOutlined } from '@ant-design/icons';
import { AutoComplete, Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { JOURNAL_OUTCOMES, type JournalFilters, type JournalOutcome } from '../../../src-main/contract/ipc-journal';

/** Events auditors ask about most; any other event name can be typed. */
const COMMON_EVENTS = [
  'dossier.open',
  'dossier.create',
  'dossier.update',
  'journal.read',
  'journal.export',
  'journal.verify',
  'session.unlock',
  'session.lock',
  'loan.file',
  'loan.approve',
  'loan.read',
  'loan.print',
  'loan.copyOut',
  'copy.lost',
  'person.add',
  'ipc.refused',
];

interface Values {
  range?: [Dayjs | null, Dayjs | null] | null;
  person?: string;
  dossier?: string;
  event?: string;
  outcome?: JournalOutcome;
}

export function toFilters(values: Values): JournalFilters {
  const filters: JournalFilters = {};
  const [from, to] = values.range ?? [];
  if (from) filters.from = from.toISOString();
  if (to) filters.to = to.toISOString();
  if (values.person?.trim()) filters.person = values.person.trim();
  if (values.dossier?.trim()) filters.object = { type: 'dossier', id: values.dossier.trim() };
  if (values.event?.trim()) filters.event = values.event.trim();
  if (values.outcome) filters.outcome = values.outcome;
  return filters;
}

export function FilterBar({ onApply }: { onApply(filters: JournalFilters): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <Form form={form} layout="inline" className="journal-filters" onFinish={(values) => onApply(toFilters(values))} data-testid="journal-filters">
      <Form.Item name="range" label={t('journal.filter.time')}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} data-testid="journal-filter-range" />
      </Form.Item>
      <Form.Item name="person" label={t('journal.filter.person')}>
        <Input placeholder={t('journal.filter.personPlaceholder')} allowClear style={{ width: 150 }} data-testid="journal-filter-person" />
      </Form.Item>
      <Form.Item name="dossier" label={t('journal.filter.dossier')}>
        <Input placeholder="KH-2026-00017" allowClear style={{ width: 150 }} data-testid="journal-filter-dossier" />
      </Form.Item>
      <Form.Item name="event" label={t('journal.filter.event')}>
        <AutoComplete
          options={COMMON_EVENTS.map((value) => ({ value }))}
          allowClear
          style={{ width: 170 }}
          placeholder={t('journal.filter.anyEvent')}
          data-testid="journal-filter-event"
          filterOption={(input, option) => String(option?.value ?? '').includes(input)}
        />
      </Form.Item>
      <Form.Item name="outcome" label={t('journal.filter.outcome')}>
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('journal.filter.anyOutcome')}
          options={JOURNAL_OUTCOMES.map((o) => ({ value: o, label: t(`journal.outcome.${o}`) }))}
          data-testid="journal-filter-outcome"
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<FilterOutlined />} data-testid="journal-filter-apply">
          {t('journal.filter.apply')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          icon={<UndoOutlined />}
          onClick={() => {
            form.resetFields();
            onApply({});
          }}
          data-testid="journal-filter-reset"
        >
          {t('journal.filter.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
