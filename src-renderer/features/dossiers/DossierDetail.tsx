/**
 * One dossier: its catalogue line as a header, then content (the form), revision history and the
 * three copies. Content is asked of the core each time it is shown; a refusal (rule 3) is shown as
 * the core words it, and the catalogue-level parts (header, copies) stay available.
 */
import { Alert, Descriptions, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueRow, DossierView } from '../../../src-main/contract/dossiers';
import { api, ApiError, call } from '../../api/client';
import { useErrorText } from '../../i18n/errors';
import { CopiesPanel } from './CopiesPanel';
import { DossierForm } from './DossierForm';
import { useDossierLabels } from './labels';
import { RecordUpdateForm } from './RecordUpdateForm';
import { RevisionHistory } from './RevisionHistory';
import { PlansPanel } from '../visits-plans/PlansPanel';
import { SecrecyTag } from './SecrecyTag';
import { DossierRelations } from '../relations/DossierRelations';

interface Props {
  /** null: a new dossier */
  number: string | null;
  row: CatalogueRow | null;
  onDirty: (dirty: boolean) => void;
  onNumber: (number: string) => void;
}

export function DossierDetail({ number, row: given, onDirty, onNumber }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { grade } = useDossierLabels();
  const [view, setView] = useState<DossierView | null>(null);
  const [refused, setRefused] = useState<unknown>(null);
  const [loading, setLoading] = useState(number !== null);
  const [tab, setTab] = useState('content');
  const [row, setRow] = useState<CatalogueRow | null>(given);

  // The catalogue line is what anyone here may see: fetched afresh so status and copies are current.
  const loadRow = useCallback(() => {
    if (!number) return;
    call(api().dossiers.search({ text: number, limit: 5 }))
      .then((page) => setRow((prev) => page.rows.find((r) => r.number === number) ?? prev))
      .catch(() => undefined);
  }, [number]);
  const load = useCallback(async () => {
    if (!number) return;
    setLoading(true);
    try {
      setView(await call(api().dossiers.open({ number })));
      setRefused(null);
    } catch (cause) {
      setView(null);
      setRefused(cause);
    } finally {
      loadRow();
      setLoading(false);
    }
  }, [number, loadRow]);
  useEffect(() => {
    void load();
  }, [load]);

  const saved = (saved: string) => {
    onDirty(false);
    if (saved !== number) onNumber(saved);
    else void load();
  };

  if (!number) {
    return (
      <div data-testid="screen-dossier">
        <Typography.Title level={4}>{t('dossiers.detail.newTitle')}</Typography.Title>
        <DossierForm view={null} onDirty={onDirty} onSaved={saved} />
      </div>
    );
  }

  // Refused the content but one of its writers (the core's decision, on the catalogue line): offer to record an update blind.
  const mayRecord = refused instanceof ApiError && refused.code === 'denied.noContentAccess' && row?.mayWrite === true;
  const customer = view?.content.basic?.customerName ?? row?.customerName;
  const secrecy = view?.secrecy ?? row?.secrecy;
  const status = view?.status ?? row?.status;
  const revision = view?.revision ?? row?.revision;
  return (
    <div data-testid="screen-dossier" data-number={number}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {customer ?? number}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('dossiers.col.number')}>
          <span data-testid="dossier-header-number">{number}</span>
        </Descriptions.Item>
        {secrecy && (
          <Descriptions.Item label={t('dossiers.col.secrecy')}>
            <SecrecyTag level={secrecy} />
          </Descriptions.Item>
        )}
        {status && (
          <Descriptions.Item label={t('dossiers.detail.status')}>
            <Tag data-testid="dossier-status">{t(`dossiers.status.${status}`)}</Tag>
            {revision ? t('dossiers.detail.revision', { revision }) : null}
          </Descriptions.Item>
        )}
        {row && <Descriptions.Item label={t('dossiers.col.grade')}>{grade(row.grade)}</Descriptions.Item>}
        {row && <Descriptions.Item label={t('dossiers.col.industry')}>{row.industry}</Descriptions.Item>}
        {row && <Descriptions.Item label={t('dossiers.col.manager')}>{row.responsibleManager?.name ?? '—'}</Descriptions.Item>}
      </Descriptions>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'content',
            label: <span data-testid="detail-tab-content">{t('dossiers.detail.tabContent')}</span>,
            children: loading ? (
              <Skeleton active />
            ) : refused ? (
              <Alert type="warning" showIcon data-testid="dossier-refused" title={t('dossiers.detail.refusedTitle')} description={errorText(refused)} />
            ) : view ? (
              <DossierForm key={`${view.number}-${view.revision}-${view.status}`} view={view} onDirty={onDirty} onSaved={saved} />
            ) : null,
          },
          ...(mayRecord
            ? [
                {
                  key: 'record',
                  label: <span data-testid="detail-tab-record">{t('dossiers.record.tab')}</span>,
                  children: <RecordUpdateForm number={number} onDirty={onDirty} onRecorded={loadRow} />,
                },
              ]
            : []),
          {
            key: 'revisions',
            label: <span data-testid="detail-tab-revisions">{t('dossiers.detail.tabRevisions')}</span>,
            children: tab === 'revisions' && revision ? <RevisionHistory number={number} revision={revision} /> : null,
          },
          {
            key: 'copies',
            label: <span data-testid="detail-tab-copies">{t('dossiers.detail.tabCopies')}</span>,
            children: tab === 'copies' ? <CopiesPanel number={number} /> : null,
          },
          {
            key: 'plans',
            label: <span data-testid="detail-tab-plans">{t('visitsPlans.plans.tab')}</span>,
            children: tab === 'plans' ? <PlansPanel number={number} /> : null,
          },
          ...(status === 'filed'
            ? [
                {
                  key: 'relations',
                  label: <span data-testid="detail-tab-relations">{t('relations.detailTab')}</span>,
                  children: tab === 'relations' ? <DossierRelations number={number} onChanged={loadRow} /> : null,
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
