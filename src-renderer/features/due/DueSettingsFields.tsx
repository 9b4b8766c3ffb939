/**
 * The contact-cadence and callback numbers of seed 004 in the administrator's settings form: the
 * least contacts a period for each class of key person and how many days ahead callbacks fall due;
 * the spot-check interval and the days a plan change waits for approval (seeds 004 and 000).
 * Main validates again (contract/settings.ts).
 */
import { Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const NUMBERS = [
  { name: ['contactCadence', 'corePerWeek'], label: 'due.settings.corePerWeek', max: 4 },
  { name: ['contactCadence', 'influencerPerMonth'], label: 'due.settings.influencerPerMonth', max: 4 },
  { name: ['contactCadence', 'nonCorePerMonth'], label: 'due.settings.nonCorePerMonth', max: 4 },
  { name: ['callbackDaysBefore', 'birthday'], label: 'due.settings.birthdayDays', max: 60 },
  { name: ['callbackDaysBefore', 'celebration'], label: 'due.settings.celebrationDays', max: 120 },
  { name: ['spotCheckDays'], label: 'due.settings.spotCheckDays', max: 31 },
  { name: ['planApprovalDays'], label: 'due.settings.planApprovalDays', max: 30 },
] as const;

export function DueSettingsFields() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={5}>{t('due.settings.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('due.settings.hint')}</Typography.Paragraph>
      {NUMBERS.map(({ name, label, max }) => (
        <Form.Item
          key={name.join('.')}
          name={[...name]}
          label={t(label)}
          rules={[{ required: true, type: 'integer', min: 1, max, message: t('due.settings.range', { max }) }]}
        >
          <InputNumber min={1} max={max} step={1} precision={0} style={{ width: 160 }} data-testid={`settings-${name.join('-')}`} />
        </Form.Item>
      ))}
    </>
  );
}
