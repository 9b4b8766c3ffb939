/** The catalogue screen: filters, the count, and the virtualized table. */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogueRow } from '../../../src-main/contract/dossiers';
import { ErrorBanner } from '../../components/ErrorBanner';
import { CatalogueFilters } from './CatalogueFilters';
import { CatalogueTable } from './CatalogueTable';
import { useCatalogue, type CatalogueFilter } from './useCatalogue';

interface Props {
  filter: CatalogueFilter;
  onFilter: (next: CatalogueFilter) => void;
  onOpen: (row: CatalogueRow) => void;
}

export function CatalogueView({ filter, onFilter, onOpen }: Props) {
  const { t } = useTranslation();
  const data = useCatalogue(filter);
  return (
    <div data-testid="screen-catalogue">
      <CatalogueFilters value={filter} onChange={onFilter} />
      <ErrorBanner error={data.error} />
      <Typography.Text type="secondary" data-testid="catalogue-total" style={{ display: 'block', marginBottom: 8 }}>
        {data.total === null ? t('dossiers.loadingRow') : t('dossiers.total', { count: data.total })}
      </Typography.Text>
      <CatalogueTable data={data} onOpen={onOpen} />
    </div>
  );
}
