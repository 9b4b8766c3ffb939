/**
 * The catalogue (一览表) as a virtualized grid: only the rows in view (plus a few) are in the DOM,
 * and the rows about to be shown are fetched page by page, so 100,000 rows scroll smoothly.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Skeleton } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueRow } from '../../../src-main/contract/dossiers';
import { CopyStatus } from './CopyStatus';
import { useDossierLabels } from './labels';
import { SecrecyTag } from './SecrecyTag';
import type { CatalogueData } from './useCatalogue';

const ROW_HEIGHT = 40;

interface Props {
  data: CatalogueData;
  onOpen: (row: CatalogueRow) => void;
}

export function CatalogueTable({ data, onOpen }: Props) {
  const { t } = useTranslation();
  const { grade } = useDossierLabels();
  const scroller = useRef<HTMLDivElement>(null);
  const count = data.total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // Before the first layout the scroller has no size yet: assume a screenful so rows show at once.
    initialRect: { width: 800, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensure } = data;
  useEffect(() => {
    if (count) ensure(first, last);
  }, [ensure, first, last, count]);

  return (
    <div className="catalogue" data-testid="catalogue-table">
      <div className="catalogue__row catalogue__row--head" role="row">
        <span>{t('dossiers.col.number')}</span>
        <span>{t('dossiers.col.customer')}</span>
        <span>{t('dossiers.col.grade')}</span>
        <span>{t('dossiers.col.industry')}</span>
        <span>{t('dossiers.col.secrecy')}</span>
        <span>{t('dossiers.col.manager')}</span>
        <span>{t('dossiers.col.copies')}</span>
      </div>
      <div ref={scroller} className="catalogue__body" data-testid="catalogue-scroller">
        {data.total === null && <Skeleton active paragraph={{ rows: 6 }} title={false} />}
        {data.total === 0 && <Empty description={t('dossiers.empty')} />}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = data.row(item.index);
            return (
              <div
                key={item.key}
                role="row"
                className="catalogue__row"
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                data-testid={row ? 'catalogue-row' : 'catalogue-row-loading'}
                data-number={row?.number}
                onClick={row ? () => onOpen(row) : undefined}
              >
                {row ? (
                  <>
                    <span className="catalogue__number">{row.number}</span>
                    <span title={row.customerName}>{row.customerName}</span>
                    <span>{grade(row.grade)}</span>
                    <span title={row.industry}>{row.industry}</span>
                    <span>
                      <SecrecyTag level={row.secrecy} />
                    </span>
                    <span>{row.responsibleManager?.name ?? t('dossiers.noManager')}</span>
                    <span>
                      <CopyStatus copies={row.copies} />
                    </span>
                  </>
                ) : (
                  <span className="catalogue__loading">{t('dossiers.loadingRow')}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
