/**
 * Lead intake (大客户信息提报, issue 18 point 1): report on the one template, one's own leads, every
 * lead with the key-account department's actions, the published lists and the conversion rate.
 * Tabs are a courtesy; main decides every request again.
 */
import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionContext';
import { ConversionTab } from './ConversionTab';
import { LeadsTab } from './LeadsTab';
import { PublicationTab } from './PublicationTab';

export function LeadsPage() {
  const { t } = useTranslation();
  const { actor } = useSession();
  const checker = actor.may.checkLeads;
  const items = [
    ...(checker ? [{ key: 'all', label: t('leads.tabs.list'), children: <LeadsTab mine={false} /> }] : []),
    { key: 'mine', label: t('leads.tabs.mine'), children: <LeadsTab mine /> },
    { key: 'publication', label: t('leads.tabs.publication'), children: <PublicationTab /> },
    { key: 'conversion', label: t('leads.tabs.conversion'), children: <ConversionTab /> },
  ];
  return (
    <Card data-testid="screen-leads" className="page-card">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('leads.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('leads.intro')}</Typography.Paragraph>
      <Tabs items={items} destroyOnHidden />
    </Card>
  );
}
