/**
 * The four forms of a dossier's customer care: a complaint, the half-yearly survey, a
 * satisfaction survey (questions, scores, comments) and a quarterly re-grading. Each sends one
 * request; main validates, decides and journals, and its refusal comes back to the caller.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { GRADES, LIFECYCLE_STAGES } from '../../../src-main/contract/dossiers';
import { api, call } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../components/useSubmit';
import { useDossierLabels } from '../dossiers/labels';

export type FormKind = 'complaint' | 'survey' | 'satisfaction' | 'regrade';

/** One form holds the four kinds' fields; each kind reads its own. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RelationValues = Record<string, any>;

interface Props {
  kind: FormKind | null;
  number: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

const TITLES: Record<FormKind, string> = {
  complaint: 'relations.complaint.record',
  survey: 'relations.survey.record',
  satisfaction: 'relations.satisfaction.record',
  regrade: 'relations.regrade.record',
};

/** Mirrors core/relations/regrade.ts suggestedGrade for display only; the person decides. */
function suggest(v?: number, p?: number, s?: number): string | null {
  if (!v || !p || !s) return null;
  const mean = (v + p + s) / 3;
  return mean >= 4 ? 'A' : mean >= 2.5 ? 'B' : 'C';
}

export function RelationForms({ kind, number, onClose, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const { grade: gradeLabel } = useDossierLabels();
  const [form] = Form.useForm();
  const required = [{ required: true, whitespace: true, message: t('relations.required') }];
  const scoreRule = [{ required: true, message: t('relations.required') }];
  const value = Form.useWatch('value', form) as number | undefined;
  const potential = Form.useWatch('potential', form) as number | undefined;
  const stability = Form.useWatch('stability', form) as number | undefined;
  const suggested = suggest(value, potential, stability);

  const submitting = useSubmit(async (v: RelationValues) => {
    let message = '';
    if (kind === 'complaint') {
      const r = await call(
        api().relations.complaint({ number, subject: v.subject, content: v.content, ...(v.ownerLogin ? { ownerLogin: v.ownerLogin } : {}) }),
      );
      message = t('relations.complaint.recorded', { id: r.id, respondBy: new Date(r.respondBy).toLocaleString(i18n.language) });
    } else if (kind === 'survey') {
      const r = await call(
        api().relations.survey({ number, changes: v.changes, ...(v.grade ? { grade: v.grade } : {}), ...(v.lifecycle ? { lifecycle: v.lifecycle } : {}) }),
      );
      message = t('relations.survey.recorded', { period: r.period });
    } else if (kind === 'satisfaction') {
      const items = (v.items as { question: string; score: number; comment?: string; action?: string }[]).map((i) => ({
        question: i.question,
        score: i.score,
        ...(i.comment ? { comment: i.comment } : {}),
        ...(i.action ? { action: i.action } : {}),
      }));
      const r = await call(api().relations.satisfaction({ number, items }));
      message = t('relations.satisfaction.recorded', { count: r.followUps.length });
    } else if (kind === 'regrade') {
      const r = await call(
        api().relations.regrade({
          number,
          value: v.value,
          potential: v.potential,
          stability: v.stability,
          grade: v.grade,
          ...(v.note ? { note: v.note } : {}),
        }),
      );
      message = t('relations.regrade.recorded', { before: gradeLabel(r.gradeBefore), after: gradeLabel(r.gradeAfter) });
    }
    form.resetFields();
    onDone(message);
  });

  if (kind === null) return null;
  return (
    <FormModal
      title={t(TITLES[kind])}
      form={form}
      submitting={submitting}
      onClose={onClose}
      okText={t(TITLES[kind])}
      width={kind === 'satisfaction' ? 720 : 520}
      okButtonProps={{ 'data-testid': 'relation-form-ok' }}
      initialValues={kind === 'satisfaction' ? { items: [{ score: 5 }] } : {}}
    >
      {kind === 'complaint' && (
        <>
          <Typography.Paragraph type="secondary">{t('relations.complaint.rule')}</Typography.Paragraph>
          <Form.Item name="subject" label={t('relations.complaint.subject')} rules={required}>
            <Input maxLength={200} data-testid="complaint-subject" />
          </Form.Item>
          <Form.Item name="content" label={t('relations.complaint.content')} rules={required}>
            <Input.TextArea rows={4} maxLength={4000} data-testid="complaint-content" />
          </Form.Item>
          <Form.Item name="ownerLogin" label={t('relations.complaint.ownerLogin')}>
            <Input data-testid="complaint-owner" />
          </Form.Item>
        </>
      )}
      {kind === 'survey' && (
        <>
          <Form.Item name="changes" label={t('relations.survey.changes')} rules={required}>
            <Input.TextArea rows={4} maxLength={4000} data-testid="survey-changes" />
          </Form.Item>
          <Form.Item name="grade" label={t('relations.survey.grade')}>
            <Select allowClear options={GRADES.map((g) => ({ value: g, label: gradeLabel(g) }))} />
          </Form.Item>
          <Form.Item name="lifecycle" label={t('relations.survey.lifecycle')}>
            <Select allowClear options={LIFECYCLE_STAGES.map((s) => ({ value: s, label: t(`dossiers.lifecycle.${s}`) }))} />
          </Form.Item>
        </>
      )}
      {kind === 'satisfaction' && (
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item name={[field.name, 'question']} label={t('relations.satisfaction.question')} rules={required}>
                    <Input maxLength={200} style={{ width: 160 }} data-testid="satisfaction-question" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'score']} label={t('relations.satisfaction.score')} rules={scoreRule}>
                    <InputNumber min={1} max={5} precision={0} data-testid="satisfaction-score" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'comment']} label={t('relations.satisfaction.comment')}>
                    <Input maxLength={2000} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'action']} label={t('relations.satisfaction.action')}>
                    <Input maxLength={1000} style={{ width: 150 }} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined style={{ marginTop: 38 }} onClick={() => remove(field.name)} />}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ score: 5 })} disabled={fields.length >= 50}>
                {t('relations.satisfaction.addItem')}
              </Button>
            </>
          )}
        </Form.List>
      )}
      {kind === 'regrade' && (
        <>
          <Space wrap>
            {(['value', 'potential', 'stability'] as const).map((name) => (
              <Form.Item key={name} name={name} label={t(`relations.regrade.${name}`)} rules={scoreRule}>
                <InputNumber min={1} max={5} precision={0} data-testid={`regrade-${name}`} />
              </Form.Item>
            ))}
          </Space>
          {suggested && (
            <Typography.Paragraph type="secondary">{t('relations.regrade.suggested', { grade: gradeLabel(suggested as 'A') })}</Typography.Paragraph>
          )}
          <Form.Item name="grade" label={t('relations.regrade.grade')} rules={scoreRule}>
            <Select options={GRADES.map((g) => ({ value: g, label: gradeLabel(g) }))} data-testid="regrade-grade" />
          </Form.Item>
          <Form.Item name="note" label={t('relations.regrade.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
