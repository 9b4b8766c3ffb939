/** Archive settings (administrators): idle lock minutes and standing access. Main validates again. */
import { App, Button, Card, Form, InputNumber, Skeleton, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveSettings } from '../../../src-main/contract/settings';
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

function relationSettings(values: ArchiveSettings) {
  return Object.fromEntries(RELATION_SETTINGS.map(([name]) => [name, values[name]])) as Pick<ArchiveSettings, (typeof RELATION_SETTINGS)[number][0]>;
}

export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ArchiveSettings>();
  const [settings, setSettings] = useState<ArchiveSettings | null>(null);
  const { submit: save, busy, error, setError } = useSubmit(async (values: ArchiveSettings) => {
    const saved = await call(
      api().settings.update({
        idleLockMinutes: values.idleLockMinutes,
        standingAccess: values.standingAccess,
        backupIntervalDays: values.backupIntervalDays,
        contactCadence: values.contactCadence,
        callbackDaysBefore: values.callbackDaysBefore,
        ...relationSettings(values),
      }),
    );
    setSettings(saved);
    form.setFieldsValue(saved);
    void message.success(t('common.saved'));
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

  return (
    <Card data-testid="screen-settings" className="page-card">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('settings.intro')}</Typography.Paragraph>
      <ErrorBanner error={error} onClose={settings ? () => setError(null) : undefined} />
      {!settings && !error && <Skeleton active />}
      {settings && (
        <Form form={form} layout="vertical" initialValues={settings} onFinish={save} disabled={busy} style={{ maxWidth: 560 }}>
          <Form.Item
            name="idleLockMinutes"
            label={t('settings.idleMinutes')}
            extra={t('settings.idleMinutesHint')}
            rules={[{ required: true, type: 'integer', min: 1, max: 120, message: t('validation.idleMinutes') }]}
          >
            <InputNumber min={1} max={120} step={1} precision={0} style={{ width: 160 }} data-testid="settings-idle-minutes" />
          </Form.Item>
          <Form.Item name="standingAccess" label={t('settings.standingAccess')} extra={t('settings.standingAccessHint')} valuePropName="checked">
            <Switch data-testid="settings-standing-access" />
          </Form.Item>
          <Form.Item
            name="backupIntervalDays"
            label={t('lifecycle.backup.intervalDays')}
            extra={t('lifecycle.backup.intervalHint')}
            rules={[{ required: true, type: 'integer', min: 1, max: 365, message: t('lifecycle.backup.intervalHint') }]}
          >
            <InputNumber min={1} max={365} step={1} precision={0} style={{ width: 160 }} data-testid="settings-backup-interval" />
          </Form.Item>
          <DueSettingsFields />
          {RELATION_SETTINGS.map(([name, min, max]) => (
            <Form.Item key={name} name={name} label={t(`relations.settings.${name}`)} rules={[{ required: true, type: 'integer', min, max, message: t('relations.settings.range', { min, max }) }]}>
              <InputNumber min={min} max={max} step={1} precision={0} style={{ width: 160 }} data-testid={`settings-${name}`} />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" loading={busy} data-testid="settings-save">
            {t('common.save')}
          </Button>
        </Form>
      )}
      {settings && <WorkingCalendarForm key={JSON.stringify(settings.workingCalendar)} calendar={settings.workingCalendar} onSaved={setSettings} />}
    </Card>
  );
}
