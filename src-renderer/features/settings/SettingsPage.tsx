/**
 * Archive settings (administrators, issue 18 point 4): every field of the archive's settings, with
 * the bounds read from the contract's schema (one source for the limits). Main validates again and
 * journals each change with its old and new value.
 */
import { App, Button, Card, Divider, Form, Input, InputNumber, Skeleton, Space, Switch, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { archiveSettingsSchema, type ArchiveSettings } from '../../../src-main/contract/settings';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSubmit } from '../../components/useSubmit';
import { DueSettingsFields } from '../due/DueSettingsFields';
import { WorkingCalendarForm } from './WorkingCalendarForm';

/** Issue 17 points 6: the satisfaction threshold, follow-up days and the complaint deadlines, with their bounds. */
const RELATION_SETTINGS = [
  ['satisfactionThreshold', 2, 5],
  ['followUpDays', 1, 90],
  ['complaintResponseMinutes', 5, 1440],
  ['complaintSolutionHours', 1, 720],
] as const;

type NumberKey = { [K in keyof ArchiveSettings]: ArchiveSettings[K] extends number ? K : never }[keyof ArchiveSettings];

/** The bounds of a number setting, from the schema the core validates with. */
function bounds(key: NumberKey): { min: number; max: number } {
  const field = archiveSettingsSchema.shape[key];
  const inner = field instanceof z.ZodDefault ? field.unwrap() : field;
  return inner instanceof z.ZodNumber ? { min: inner.minValue ?? 0, max: inner.maxValue ?? 0 } : { min: 0, max: 0 };
}

const GRADES = ['A', 'B', 'C'] as const;

/** Retention years share one range per grade (the schema's). */
function retentionBounds(): { min: number; max: number } {
  const year = archiveSettingsSchema.shape.retentionYears.unwrap().shape.A;
  return { min: year.minValue ?? 1, max: year.maxValue ?? 1 };
}

export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ArchiveSettings>();
  const [settings, setSettings] = useState<ArchiveSettings | null>(null);
  const {
    submit: save,
    busy,
    error,
    setError,
  } = useSubmit(async (values: ArchiveSettings) => {
    const saved = await call(api().settings.update(values));
    setSettings(saved);
    form.setFieldsValue(saved);
    void message.success(t('settings.saved'));
  });

  useEffect(() => {
    let live = true;
    call(api().settings.get())
      .then((value) => live && setSettings(value))
      .catch((cause: unknown) => live && setError(cause));
    return () => {
      live = false;
    };
  }, [setError]);

  const number = (key: NumberKey, label: string, hint: string, testId: string): ReactNode => {
    const { min, max } = bounds(key);
    return (
      <Form.Item name={key} label={label} extra={hint} rules={[{ required: true, type: 'integer', min, max, message: t('settings.range', { min, max }) }]}>
        <InputNumber min={min} max={max} step={1} precision={0} style={{ width: 160 }} data-testid={testId} />
      </Form.Item>
    );
  };
  const retention = retentionBounds();

  return (
    <Card data-testid="screen-settings" className="page-card">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('settings.intro')}</Typography.Paragraph>
      <ErrorBanner error={error} onClose={settings ? () => setError(null) : undefined} />
      {!settings && !error && <Skeleton active />}
      {settings && (
        <Form form={form} layout="vertical" initialValues={settings} onFinish={save} disabled={busy} style={{ maxWidth: 640 }}>
          <Divider titlePlacement="start">{t('settings.groups.access')}</Divider>
          {number('idleLockMinutes', t('settings.idleMinutes'), t('settings.idleMinutesHint'), 'settings-idle-minutes')}
          <Form.Item name="standingAccess" label={t('settings.standingAccess')} extra={t('settings.standingAccessHint')} valuePropName="checked">
            <Switch data-testid="settings-standing-access" />
          </Form.Item>
          <Form.Item name="allowCopyOut" label={t('settings.allowCopyOut')} extra={t('settings.allowCopyOutHint')} valuePropName="checked">
            <Switch data-testid="settings-allow-copy-out" />
          </Form.Item>
          {number('resetCodeHours', t('resets.codeHours'), t('resets.codeHoursHint'), 'settings-reset-code-hours')}
          <Divider titlePlacement="start">{t('settings.groups.reviews')}</Divider>
          {number('reviewPeriodMonths', t('settings.reviewPeriodMonths'), t('settings.reviewPeriodMonthsHint'), 'settings-review-period')}
          {number('maxLoanDays', t('settings.maxLoanDays'), t('settings.maxLoanDaysHint'), 'settings-max-loan')}
          {number('maxRenewalDays', t('settings.maxRenewalDays'), t('settings.maxRenewalDaysHint'), 'settings-max-renewal')}
          <Form.Item
            name="timeZone"
            label={t('settings.timeZone')}
            extra={t('settings.timeZoneHint')}
            rules={[
              {
                required: true,
                validator: (_r, v: string) =>
                  archiveSettingsSchema.shape.timeZone.safeParse(v).success ? Promise.resolve() : Promise.reject(new Error(t('settings.timeZoneHint'))),
              },
            ]}
          >
            <Input style={{ width: 240 }} maxLength={64} data-testid="settings-time-zone" />
          </Form.Item>
          <Divider titlePlacement="start">{t('settings.groups.records')}</Divider>
          {number('backupIntervalDays', t('lifecycle.backup.intervalDays'), t('lifecycle.backup.intervalHint'), 'settings-backup-interval')}
          <Form.Item label={t('settings.retentionYears')} extra={t('settings.retentionYearsHint')} required>
            <Space>
              {GRADES.map((g) => (
                <Form.Item
                  key={g}
                  name={['retentionYears', g]}
                  noStyle
                  rules={[{ required: true, type: 'integer', min: retention.min, max: retention.max, message: t('settings.range', retention) }]}
                >
                  <InputNumber
                    min={retention.min}
                    max={retention.max}
                    precision={0}
                    addonBefore={g}
                    style={{ width: 120 }}
                    data-testid={`settings-retention-${g}`}
                  />
                </Form.Item>
              ))}
            </Space>
          </Form.Item>
          <DueSettingsFields />
          {RELATION_SETTINGS.map(([name, min, max]) => (
            <Form.Item
              key={name}
              name={name}
              label={t(`relations.settings.${name}`)}
              rules={[{ required: true, type: 'integer', min, max, message: t('relations.settings.range', { min, max }) }]}
            >
              <InputNumber min={min} max={max} step={1} precision={0} style={{ width: 160 }} data-testid={`settings-${name}`} />
            </Form.Item>
          ))}
          <Divider titlePlacement="start">{t('settings.groups.analysis')}</Divider>
          {number('analystMinGroupSize', t('settings.analystMinGroupSize'), t('settings.analystMinGroupSizeHint'), 'settings-analyst-min-group')}
          <Button type="primary" htmlType="submit" loading={busy} data-testid="settings-save">
            {t('common.save')}
          </Button>
        </Form>
      )}
      {settings && <WorkingCalendarForm key={JSON.stringify(settings.workingCalendar)} calendar={settings.workingCalendar} onSaved={setSettings} />}
    </Card>
  );
}
