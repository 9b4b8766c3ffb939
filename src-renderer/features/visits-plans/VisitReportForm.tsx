/** The salesperson's form for a day's visits (每日客户拜访表): customer, person met, purpose, result, next step. */
import { Button, Card, DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../src-main/contract/visits-plans';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSubmit } from '../../components/useSubmit';

interface Values {
  date?: Dayjs;
  visits: Partial<Visit>[];
}

export function VisitReportForm({ onFiled }: { onFiled: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { submit, busy, error } = useSubmit(async (values: Values) => {
    const visits = values.visits.map((v) => ({
      customer: (v.customer ?? '').trim(),
      personMet: v.personMet ?? '',
      purpose: v.purpose ?? '',
      result: v.result ?? '',
      nextStep: v.nextStep ?? '',
      ...(v.dossierNumber ? { dossierNumber: v.dossierNumber.trim() } : {}),
    }));
    await call(api().visits.file({ ...(values.date ? { date: values.date.format('YYYY-MM-DD') } : {}), visits }));
    form.resetFields();
    onFiled();
  });
  return (
    <Form form={form} layout="vertical" onFinish={submit} disabled={busy} initialValues={{ visits: [{}] }} data-testid="visit-report-form">
      <ErrorBanner error={error} />
      <Form.Item name="date" label={t('visitsPlans.visits.date')}>
        <DatePicker data-testid="visit-date" />
      </Form.Item>
      <Form.List
        name="visits"
        rules={[{ validator: async (_r, v: unknown[]) => (v?.length ? undefined : Promise.reject(new Error(t('visitsPlans.visits.atLeastOne')))) }]}
      >
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                title={t('visitsPlans.visits.visit', { n: i + 1 })}
                extra={
                  fields.length > 1 ? (
                    <Button size="small" onClick={() => remove(field.name)}>
                      {t('visitsPlans.visits.removeVisit')}
                    </Button>
                  ) : null
                }
              >
                <Form.Item
                  name={[field.name, 'customer']}
                  label={t('visitsPlans.visits.customer')}
                  rules={[{ required: true, whitespace: true, message: t('visitsPlans.visits.customerRequired') }]}
                >
                  <Input maxLength={200} data-testid={`visit-${i}-customer`} />
                </Form.Item>
                <Form.Item name={[field.name, 'dossierNumber']} label={t('visitsPlans.visits.dossierNumber')}>
                  <Input maxLength={13} placeholder="KH-2026-00001" data-testid={`visit-${i}-number`} />
                </Form.Item>
                <Form.Item name={[field.name, 'personMet']} label={t('visitsPlans.visits.personMet')}>
                  <Input maxLength={200} data-testid={`visit-${i}-person`} />
                </Form.Item>
                <Form.Item name={[field.name, 'purpose']} label={t('visitsPlans.visits.purpose')}>
                  <Input.TextArea maxLength={5000} autoSize data-testid={`visit-${i}-purpose`} />
                </Form.Item>
                <Form.Item name={[field.name, 'result']} label={t('visitsPlans.visits.result')}>
                  <Input.TextArea maxLength={5000} autoSize data-testid={`visit-${i}-result`} />
                </Form.Item>
                <Form.Item name={[field.name, 'nextStep']} label={t('visitsPlans.visits.nextStep')}>
                  <Input.TextArea maxLength={5000} autoSize data-testid={`visit-${i}-next`} />
                </Form.Item>
              </Card>
            ))}
            <Button onClick={() => add({})} data-testid="visit-add">
              {t('visitsPlans.visits.addVisit')}
            </Button>
          </Space>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 16 }} data-testid="visit-file">
        {t('visitsPlans.visits.file')}
      </Button>
    </Form>
  );
}
