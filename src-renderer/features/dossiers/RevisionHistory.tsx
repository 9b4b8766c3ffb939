/**
 * Revision history, newest first, each with its field-by-field diff (old → new). Diffs are content,
 * so the core decides whether they are shown (rule 3) and journals each look.
 */
import { Empty, Skeleton, Table, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldChange, RevisionDiff } from '../../../src-main/contract/dossiers';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useDossierLabels } from './labels';

const SHOWN = 20;

export function RevisionHistory({ number, revision }: { number: string; revision: number }) {
  const { t, i18n } = useTranslation();
  const { locale } = useDossierLabels();
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
  const value = (v: FieldChange['old']) => (v === null || v === '' ? <span className="diff-empty">{t('dossiers.revisions.empty')}</span> : String(v));
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);

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
              dataSource={d.changes}
              columns={[
                { key: 'field', title: t('dossiers.revisions.field'), width: '30%', render: (_, c: FieldChange) => c.label[locale] },
                { key: 'old', title: t('dossiers.revisions.old'), render: (_, c: FieldChange) => <span className="diff-old" data-testid="diff-old">{value(c.old)}</span> },
                { key: 'new', title: t('dossiers.revisions.new'), render: (_, c: FieldChange) => <span className="diff-new" data-testid="diff-new">{value(c.new)}</span> },
              ]}
            />
          </div>
        ),
      }))}
    />
  );
}
