/**
 * The dossiers page: the catalogue (一览表) and the reviews due, or one dossier opened from them.
 * Leaving a dossier with unsaved changes asks first.
 */
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Segmented } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueRow } from '../../../src-main/contract/dossiers';
import { PageHeading } from '../../components/PageHeading';
import { useSession } from '../session/SessionContext';
import { setLeaveGuard } from '../shell/leaveGuard';
import { CatalogueView } from './CatalogueView';
import { DossierDetail } from './DossierDetail';
import { ReviewsView } from './ReviewsView';
import type { CatalogueFilter } from './useCatalogue';
import './dossiers.css';

type View = { kind: 'catalogue' } | { kind: 'reviews' } | { kind: 'dossier'; number: string | null; row: CatalogueRow | null };

export function DossiersPage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { actor } = useSession();
  const [view, setView] = useState<View>({ kind: 'catalogue' });
  const [filter, setFilter] = useState<CatalogueFilter>({});
  const [listKind, setListKind] = useState<'catalogue' | 'reviews'>('catalogue');
  const dirty = useRef(false);
  // Writers only (the core's decision, sent with the actor): the core refuses anyone else.
  const mayCreate = actor.may.createDossiers;

  /** Unsaved changes: ask before they are thrown away. */
  const confirmLeave = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        if (!dirty.current) return resolve(true);
        modal.confirm({
          title: t('dossiers.form.unsavedTitle'),
          content: t('dossiers.form.unsavedBody'),
          okText: t('dossiers.form.leave'),
          okButtonProps: { danger: true, 'data-testid': 'leave-confirm' },
          cancelText: t('dossiers.form.stay'),
          onOk: () => {
            dirty.current = false;
            resolve(true);
          },
          onCancel: () => resolve(false),
        });
      }),
    [modal, t],
  );
  useEffect(() => setLeaveGuard(confirmLeave), [confirmLeave]);
  const go = useCallback((next: View) => void confirmLeave().then((ok) => ok && setView(next)), [confirmLeave]);
  const setDirty = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);

  return (
    <Card data-testid="screen-dossiers" className="page-card">
      <PageHeading title={t('dossiers.title')} intro={t('dossiers.intro')}>
        {view.kind === 'dossier' ? (
          <Button icon={<ArrowLeftOutlined />} onClick={() => go({ kind: listKind })} data-testid="dossier-back">
            {t('dossiers.back')}
          </Button>
        ) : (
          mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => go({ kind: 'dossier', number: null, row: null })} data-testid="dossier-new">
              {t('dossiers.new')}
            </Button>
          )
        )}
      </PageHeading>
      {view.kind !== 'dossier' && (
        <Segmented
          style={{ marginBottom: 12 }}
          value={view.kind}
          onChange={(v) => {
            setListKind(v as 'catalogue' | 'reviews');
            setView({ kind: v as 'catalogue' | 'reviews' });
          }}
          options={[
            { value: 'catalogue', label: <span data-testid="tab-catalogue">{t('dossiers.tabCatalogue')}</span> },
            { value: 'reviews', label: <span data-testid="tab-reviews">{t('dossiers.tabReviews')}</span> },
          ]}
        />
      )}
      {view.kind === 'catalogue' && <CatalogueView filter={filter} onFilter={setFilter} onOpen={(row) => go({ kind: 'dossier', number: row.number, row })} />}
      {view.kind === 'reviews' && <ReviewsView onOpen={(number) => go({ kind: 'dossier', number, row: null })} />}
      {view.kind === 'dossier' && (
        <DossierDetail
          key={view.number ?? 'new'}
          number={view.number}
          row={view.row}
          onDirty={setDirty}
          onNumber={(number) => setView({ kind: 'dossier', number, row: null })}
        />
      )}
    </Card>
  );
}
