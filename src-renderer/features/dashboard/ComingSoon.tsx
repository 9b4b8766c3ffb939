/** Placeholder for pages not built yet (dossiers, loans, journal). */
import { ClockCircleOutlined } from '@ant-design/icons';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

export function ComingSoon({ feature }: { feature: 'dossiers' | 'loans' | 'journal' }) {
  const { t } = useTranslation();
  return (
    <Result
      data-testid={`screen-${feature}`}
      icon={<ClockCircleOutlined />}
      title={t('comingSoon.title', { feature: t(`nav.${feature}`) })}
      subTitle={t('comingSoon.body')}
    />
  );
}
