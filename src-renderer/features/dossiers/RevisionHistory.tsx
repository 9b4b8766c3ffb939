/**
 * Revision history, newest first, each with its field-by-field diff (old → new). Diffs are content,
 * so the core decides whether they are shown (rule 3) and journals each look.
 */
import { Empty, Skeleton, Table, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appLocale, formatDateTime } from '../../i18n/format';
import type { FieldChange, RevisionDiff } from '../../../src-main/contract/dossiers';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useDossierLabels } from './labels';

const SHOWN = 20;

export function RevisionHistory({ number, revision }: { number: string; revision: number }) {
  const { t, i18n } = useTranslation();
  const { locale, grade, secrecy } = useDossierLabels();
  const [diffs, setDiffs] = useState<RevisionDiff[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const out: RevisionDiff[] = [];
      try {
        for (let r = revision; r >= Math.max(1, revision - SHOWN + 1); r--) out.push(await call(api().dossiers.revision({ number, revision: r })));
        if (live) setDiffs(out);
      } catch (cause) {
        if (live) setError(cause);
      }
    })();
    return () => {
      live = false;
    };
  }, [number, revision]);

  if (error) return <ErrorBanner error={error} />;
  if (!diffs) return <Skeleton active />;
  if (!diffs.length) return <Empty description={t('dossiers.revisions.none')} />;
  // Coded values (grade, secrecy, lifecycle, source) are shown as words, as the form shows them.
  const words = (field: string, v: string | number): string => {
    const s = String(v);
    if (field === 'classification.grade') return grade(s as 'A');
    if (field === 'classification.secrecy') return secrecy(s as 'secret');
    if (field === 'classification.lifecycle') return t(`dossiers.lifecycle.${s}`);
    if (field === 'basic.sourceChannel') return t(`dossiers.source.${s}`);
    return s;
  };
  const value = (c: FieldChange, side: 'old' | 'new') => {
    const v = c[side];
    if (v === null || v === '') return <span className="diff-empty">{t('dossiers.revisions.empty')}</span>;
    return (
      <span className={side === 'old' ? 'diff-old' : 'diff-new'} data-testid={`diff-${side}`}>
        {words(c.field, v)}
      </span>
    );
  };
  const when = (iso: string) => formatDateTime(iso, appLocale(i18n.language));

  return (
    <Timeline
      data-testid="revision-history"
      items={diffs.map((d) => ({
        key: d.revision,
        children: (
          <div data-testid={`revision-${d.revision}`}>
            <Typography.Text strong>{t('dossiers.detail.revision', { revision: d.revision })}</Typography.Text>{' '}
            <Tag>{d.kind === 'create' ? t('dossiers.revisions.created') : t('dossiers.revisions.updated')}</Tag>
            <Typography.Text type="secondary">
              {when(d.at)}
              {d.by ? ` · ${t('dossiers.revisions.by', { name: d.by.name })}` : ''}
            </Typography.Text>
            <Table
              size="small"
              style={{ marginTop: 8 }}
              pagination={d.changes.length > 12 ? { pageSize: 12, size: 'small' } : false}
              rowKey="field"
              tableLayout="fixed"
              dataSource={d.changes}
              columns={[
                { key: 'field', title: t('dossiers.revisions.field'), width: '30%', render: (_, c: FieldChange) => c.label[locale] },
                { key: 'old', title: t('dossiers.revisions.old'), width: '35%', render: (_, c: FieldChange) => value(c, 'old') },
                { key: 'new', title: t('dossiers.revisions.new'), width: '35%', render: (_, c: FieldChange) => value(c, 'new') },
              ]}
            />
          </div>
        ),
      }))}
    />
  );
}
