/** One dossier field's control, chosen by its kind (text, long text, a choice, a year, a date). */
import { Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CELEBRATION_KINDS, CONTACT_CLASSES, GRADES, LIFECYCLE_STAGES, SECRECY_LEVELS, SOURCE_CHANNELS } from '../../../src-main/contract/dossiers';
import type { InputKind } from './formFields';
import { useDossierLabels } from './labels';

interface Props {
  kind: InputKind;
  testId: string;
  /** injected by Form.Item */
  value?: unknown;
  onChange?: (value: unknown) => void;
  compact?: boolean;
}

export function FieldInput({ kind, testId, value, onChange, compact }: Props) {
  const { t } = useTranslation();
  const { grade, secrecy } = useDossierLabels();
  const common = { 'data-testid': testId };
  switch (kind) {
    case 'textarea':
      return compact ? (
        <Input {...common} value={value as string} onChange={(e) => onChange?.(e.target.value)} />
      ) : (
        <Input.TextArea {...common} autoSize={{ minRows: 2, maxRows: 8 }} value={value as string} onChange={(e) => onChange?.(e.target.value)} />
      );
    case 'number':
      return <InputNumber {...common} min={2000} max={2100} value={value as number} onChange={(v) => onChange?.(v ?? undefined)} style={{ width: 140 }} />;
    case 'date':
      return <Input {...common} placeholder="YYYY-MM-DD" value={value as string} onChange={(e) => onChange?.(e.target.value)} />;
    case 'login':
      return (
        <Input
          {...common}
          placeholder={t('dossiers.form.managerHint')}
          autoComplete="off"
          spellCheck={false}
          value={value as string}
          onChange={(e) => onChange?.(e.target.value)}
        />
      );
    case 'grade':
    case 'lifecycle':
    case 'secrecy':
    case 'source': {
      const options: { value: string; label: string }[] =
        kind === 'grade'
          ? GRADES.map((g) => ({ value: g, label: grade(g) }))
          : kind === 'lifecycle'
            ? LIFECYCLE_STAGES.map((s) => ({ value: s, label: t(`dossiers.lifecycle.${s}`) }))
            : kind === 'secrecy'
              ? SECRECY_LEVELS.map((s) => ({ value: s, label: secrecy(s) }))
              : SOURCE_CHANNELS.map((s) => ({ value: s, label: t(`dossiers.source.${s}`) }));
      return <Select {...common} value={value as string} onChange={(v) => onChange?.(v)} options={options} />;
    }
    case 'contactClass':
      return (
        <Select
          {...common}
          allowClear
          value={value as string}
          onChange={(v) => onChange?.(v ?? '')}
          options={CONTACT_CLASSES.map((c) => ({ value: c, label: t(`due.contactClass.${c}`) }))}
          style={{ minWidth: 140 }}
        />
      );
    case 'celebrationKind':
      return (
        <Select
          {...common}
          value={value as string}
          onChange={(v) => onChange?.(v)}
          options={CELEBRATION_KINDS.map((k) => ({ value: k, label: t(`due.celebrationKind.${k}`) }))}
          style={{ minWidth: 120 }}
        />
      );
    default:
      return <Input {...common} value={value as string} onChange={(e) => onChange?.(e.target.value)} />;
  }
}
