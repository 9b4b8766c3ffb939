/**
 * The borrow card (借阅卡): dossier and copy, purpose, form, period within the archive maximum,
 * reading place, and the acknowledgement of 禁止在公众场所或旅行途中阅读. Exported for the
 * catalogue's "Borrow" action: <BorrowCardModal copyNumber="KH-2026-00017-S" onClose onFiled />.
 * Main decides (rule 1: rank ≥ account manager); a refusal is shown as main words it.
 */
import { Alert, Checkbox, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueRow } from '../../../src-main/contract/dossiers';
import { LOAN_FORMS, newCardSchema, type LoanForm, type LoanView } from '../../../src-main/contract/loans';
import { api, call } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useLabels } from '../../components/labels';
import { useSession } from '../session/SessionContext';
import { useLoanLabels } from './labels';
import { zodRule } from './zodRule';
import { useSubmit } from '../../components/useSubmit';

export interface BorrowCardModalProps {
  /** Preselected copy (from a catalogue row); the person may still pick another. */
  copyNumber?: string;
  onClose: () => void;
  onFiled?: (loan: LoanView) => void;
}

interface Values {
  copyNumber: string;
  purpose: string;
  form: LoanForm;
  periodDays: number;
  readingPlace: string;
  acknowledgeNoPublicReading: boolean;
}

const shape = newCardSchema.shape;

function useCopyOptions(initial: string | undefined) {
  const { t } = useTranslation();
  const { departments } = useSession();
  const { department } = useLabels();
  const [rows, setRows] = useState<CatalogueRow[]>([]);
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const search = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      setSearching(true);
      try {
        setRows((await call(api().cards.findCopies({ text }))).rows);
      } catch {
        setRows([]);
      } finally {
        setSearching(false);
      }
    }, 250);
  };
  useEffect(() => {
    // A preselected copy is found by its dossier's number so the option carries its label.
    search(initial ? initial.replace(/-[A-Z]$/, '') : '');
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const options = useMemo(
    () =>
      rows.flatMap((row) =>
        row.copies
          .filter((c) => c.state === 'in-custody' || c.state === 'on-loan')
          .map((c) => ({
            value: c.copyNumber,
            label: `${c.copyNumber} · ${row.customerName} · ${department(c.department, departments)} · ${
              c.state === 'on-loan' ? t('loans.card.copyOnLoan') : t('loans.card.copyInCustody')
            }`,
          })),
      ),
    [rows, departments, department, t],
  );
  return { options, search, searching };
}

export function BorrowCardModal({ copyNumber, onClose, onFiled }: BorrowCardModalProps) {
  const { t } = useTranslation();
  const { form: formLabel } = useLoanLabels();
  const [form] = Form.useForm<Values>();
  const [maxDays, setMaxDays] = useState(7);
  const copies = useCopyOptions(copyNumber);

  useEffect(() => {
    // The policy maximum (maxLoanDays) bounds the period field; main checks it again on filing.
    call(api().settings.get())
      .then((s) => setMaxDays(s.maxLoanDays))
      .catch(() => undefined);
  }, []);

  const submitting = useSubmit(async (values: Values) => {
    const loan = await call(
      api().cards.file({
        copyNumber: values.copyNumber,
        purpose: values.purpose.trim(),
        form: values.form,
        periodDays: values.periodDays,
        readingPlace: values.readingPlace.trim(),
        acknowledgeNoPublicReading: true,
      }),
    );
    onFiled?.(loan);
  });

  return (
    <FormModal
      title={t('loans.card.title')}
      form={form}
      submitting={submitting}
      onClose={onClose}
      okText={t('loans.card.submit')}
      okButtonProps={{ 'data-testid': 'card-submit' }}
      width={680}
      intro={<Typography.Paragraph type="secondary">{t('loans.card.intro')}</Typography.Paragraph>}
      errorTestId="card-error"
      initialValues={{ copyNumber, form: 'in-app', periodDays: Math.min(3, maxDays), acknowledgeNoPublicReading: false }}
      after={<Alert type="info" showIcon title={t('loans.card.rankNote')} />}
    >
      <Form.Item name="copyNumber" label={t('loans.card.copy')} rules={[zodRule(shape.copyNumber, t)]}>
        <Select
          showSearch={{ filterOption: false, onSearch: copies.search }}
          options={copies.options}
          loading={copies.searching}
          placeholder={t('loans.card.copySearch')}
          data-testid="card-copy"
        />
      </Form.Item>
      <Form.Item name="purpose" label={t('loans.card.purpose')} rules={[zodRule(shape.purpose, t, { min: 2, max: 500 })]}>
        <Input.TextArea rows={2} maxLength={500} data-testid="card-purpose" />
      </Form.Item>
      <Form.Item name="form" label={t('loans.card.form')} rules={[zodRule(shape.form, t)]}>
        <Select data-testid="card-form" options={LOAN_FORMS.map((f) => ({ value: f, label: formLabel(f) }))} />
      </Form.Item>
      <Form.Item
        name="periodDays"
        label={t('loans.card.period')}
        extra={t('loans.card.periodHint', { max: maxDays })}
        rules={[zodRule(shape.periodDays, t), { type: 'number', max: maxDays, message: t('loans.card.periodHint', { max: maxDays }) }]}
      >
        <InputNumber min={1} max={maxDays} precision={0} data-testid="card-period" />
      </Form.Item>
      <Form.Item
        name="readingPlace"
        label={t('loans.card.place')}
        extra={t('loans.card.placeHint')}
        rules={[zodRule(shape.readingPlace, t, { min: 2, max: 200 })]}
      >
        <Input maxLength={200} data-testid="card-place" />
      </Form.Item>
      <Form.Item
        name="acknowledgeNoPublicReading"
        valuePropName="checked"
        rules={[{ validator: async (_, v) => (v === true ? undefined : Promise.reject(new Error(t('loans.card.acknowledgeRequired')))) }]}
      >
        <Checkbox data-testid="card-acknowledge">{t('loans.card.acknowledge')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
