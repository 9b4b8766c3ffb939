/** Read-only rendering of one dossier section: label/value pairs, list sections item by item. */
import { Descriptions, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIELD_LABELS } from '../../../src-main/contract/dossier-labels';
import type { DossierContent, Section } from '../../../src-main/contract/dossiers';

type Fields = Record<string, unknown>;

function Pairs({ section, fields }: { section: Section; fields: Fields }) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return (
    <Descriptions size="small" column={1} bordered>
      {entries.map(([key, v]) => (
        <Descriptions.Item key={key} label={FIELD_LABELS[`${section}.${key}`]?.[lang] ?? key}>
          <span className="loans-reading-value">{String(v)}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

export function SectionContent({ section, content }: { section: Section; content: DossierContent }) {
  const { t } = useTranslation();
  const value = content[section] as Fields | Fields[] | undefined;
  if (!value || (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0)) {
    return <Empty description={t('loans.reading.noContent')} />;
  }
  if (Array.isArray(value)) {
    return (
      <div className="loans-reading-list">
        {value.map((item, i) => (
          <div key={i} className="loans-reading-item">
            <Typography.Text strong>{t('loans.reading.item', { index: i + 1 })}</Typography.Text>
            <Pairs section={section} fields={item} />
          </div>
        ))}
      </div>
    );
  }
  return <Pairs section={section} fields={value} />;
}
