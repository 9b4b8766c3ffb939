/**
 * The administrator's working calendar (settings.workingCalendar): days off each week, public
 * holidays, make-up working days, and the day's deadlines. Visit-report deadlines count working
 * days on it (core/calendar). Main validates again.
 */
import { App, Button, Checkbox, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArchiveSettings, WorkingCalendar } from '../../../src-main/contract/settings';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSubmit } from '../../components/useSubmit';

interface Values {
  weekendDays: number[];
  holidays: string;
  workdays: string;
  reportDueTime: string;
  commentDueTime: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function dates(text: string): string[] {
  return [...new Set(text.split(/[\s,，]+/).filter(Boolean))].sort();
}

export function WorkingCalendarForm({ calendar, onSaved }: { calendar: WorkingCalendar; onSaved: (settings: ArchiveSettings) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { submit, busy, error } = useSubmit(async (values: Values) => {
    const saved = await call(
      api().settings.update({
        workingCalendar: {
          weekendDays: [...values.weekendDays].sort(),
          holidays: dates(values.holidays),
          workdays: dates(values.workdays),
          reportDueTime: values.reportDueTime.trim(),
          commentDueTime: values.commentDueTime.trim(),
        },
      }),
    );
    onSaved(saved);
    void message.success(t('common.saved'));
  });
  const dateRule = {
    validator: async (_r: unknown, v: string) =>
      dates(v ?? '').every((d) => DATE.test(d)) ? undefined : Promise.reject(new Error(t('visitsPlans.calendar.badDate'))),
  };
  const timeRule = { pattern: TIME, message: t('visitsPlans.calendar.badTime') };
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      disabled={busy}
      style={{ maxWidth: 560 }}
      data-testid="calendar-form"
      initialValues={{ ...calendar, holidays: calendar.holidays.join('\n'), workdays: calendar.workdays.join('\n') }}
    >
      <Typography.Title level={4}>{t('visitsPlans.calendar.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('visitsPlans.calendar.intro')}</Typography.Paragraph>
      <ErrorBanner error={error} />
      <Form.Item name="weekendDays" label={t('visitsPlans.calendar.weekendDays')}>
        <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 0].map((d) => ({ value: d, label: t(`visitsPlans.calendar.day${d}`) }))} />
      </Form.Item>
      <Form.Item name="holidays" label={t('visitsPlans.calendar.holidays')} rules={[dateRule]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="calendar-holidays" />
      </Form.Item>
      <Form.Item name="workdays" label={t('visitsPlans.calendar.workdays')} rules={[dateRule]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} data-testid="calendar-workdays" />
      </Form.Item>
      <Form.Item name="reportDueTime" label={t('visitsPlans.calendar.reportDueTime')} rules={[{ required: true, ...timeRule }]}>
        <Input style={{ width: 120 }} data-testid="calendar-report-time" />
      </Form.Item>
      <Form.Item name="commentDueTime" label={t('visitsPlans.calendar.commentDueTime')} rules={[{ required: true, ...timeRule }]}>
        <Input style={{ width: 120 }} data-testid="calendar-comment-time" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="calendar-save">
        {t('common.save')}
      </Button>
    </Form>
  );
}
