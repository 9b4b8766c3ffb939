/** Search box and filters of the catalogue; the text is debounced so typing is not a query a key. */
import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRADES, LIFECYCLE_STAGES, SECRECY_LEVELS } from '../../../src-main/contract/dossiers';
import { useLabels } from '../../components/labels';
import { useSession } from '../session/SessionContext';
import { useDossierLabels } from './labels';
import type { CatalogueFilter } from './useCatalogue';

const MIN_TERM = 2;

/** Whether every term has at least two characters (the core refuses shorter ones). */
export function searchable(text: string): boolean {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .every((term) => Array.from(term).length >= MIN_TERM);
}

interface Props {
  value: CatalogueFilter;
  onChange: (next: CatalogueFilter) => void;
}

export function CatalogueFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { grade, secrecy } = useDossierLabels();
  const { departments } = useSession();
  const { department } = useLabels();
  const [text, setText] = useState(value.text ?? '');

  useEffect(() => {
    const trimmed = text.trim();
    if (!searchable(trimmed) || trimmed === (value.text ?? '')) return;
    const timer = setTimeout(() => onChange({ ...value, text: trimmed || undefined }), 250);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);

  const set = (patch: Partial<CatalogueFilter>) => onChange({ ...value, ...patch });
  const multi = <T extends string>(values: T[]) => (values.length ? values : undefined);

  return (
    <div className="catalogue-filters">
      <Space wrap size={[8, 8]}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('dossiers.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 340 }}
          data-testid="catalogue-search"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('dossiers.filterGrade')}
          style={{ minWidth: 120 }}
          value={value.grade ?? []}
          onChange={(v) => set({ grade: multi(v) })}
          options={GRADES.map((g) => ({ value: g, label: grade(g) }))}
          data-testid="filter-grade"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('dossiers.filterSecrecy')}
          style={{ minWidth: 130 }}
          value={value.secrecy ?? []}
          onChange={(v) => set({ secrecy: multi(v) })}
          options={SECRECY_LEVELS.map((s) => ({ value: s, label: secrecy(s) }))}
          data-testid="filter-secrecy"
        />
        <Select
          allowClear
          placeholder={t('dossiers.filterDepartment')}
          style={{ minWidth: 140 }}
          value={value.holdingDepartment}
          onChange={(v) => set({ holdingDepartment: v })}
          options={departments.filter((d) => d.holdsCopy).map((d) => ({ value: d.code, label: department(d.code, departments) }))}
          data-testid="filter-department"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('dossiers.filterLifecycle')}
          style={{ minWidth: 130 }}
          value={value.lifecycle ?? []}
          onChange={(v) => set({ lifecycle: multi(v) })}
          options={LIFECYCLE_STAGES.map((s) => ({ value: s, label: t(`dossiers.lifecycle.${s}`) }))}
          data-testid="filter-lifecycle"
        />
        <Select
          allowClear
          placeholder={t('dossiers.filterReview')}
          style={{ minWidth: 120 }}
          value={value.review}
          onChange={(v) => set({ review: v })}
          options={[
            { value: 'due', label: t('dossiers.reviewDue') },
            { value: 'overdue', label: t('dossiers.reviewOverdue') },
          ]}
          data-testid="filter-review"
        />
        <Button
          onClick={() => {
            setText('');
            onChange({});
          }}
        >
          {t('dossiers.clearFilters')}
        </Button>
      </Space>
      {!searchable(text.trim()) && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          {t('dossiers.searchHint')}
        </Typography.Text>
      )}
    </div>
  );
}
