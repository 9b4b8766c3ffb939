/**
 * Records lifecycle (issue 16): destruction requests, legal holds, the destruction record and the
 * incident register, each tab for the people it concerns. Main enforces every rule again.
 */
import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rankAtLeast } from '../../../src-main/contract/people';
import { useSession } from '../session/SessionContext';
import { DestructionTab } from './DestructionTab';
import { HandoverTab } from './HandoverTab';
import { HoldsTab } from './HoldsTab';
import { IncidentsTab } from './IncidentsTab';
import { SuspensionsTab } from './SuspensionsTab';
import { RecordTab } from './RecordTab';
import { RetentionTab } from './RetentionTab';

export function RecordsPage() {
  const { t } = useTranslation();
  const { actor } = useSession();
  const custodian = actor.duties.includes('custodian');
  const manager = rankAtLeast(actor.rank, 'department-manager');
  const auditor = actor.duties.includes('auditor');
  const items = [
    ...(custodian || manager || auditor
      ? [
          { key: 'destruction', label: t('lifecycle.tabs.destruction'), children: <DestructionTab canRequest={custodian} canDecide={manager} /> },
          { key: 'holds', label: t('lifecycle.tabs.holds'), children: <HoldsTab canSet={custodian || manager} /> },
          { key: 'record', label: t('lifecycle.tabs.record'), children: <RecordTab /> },
          { key: 'incidents', label: t('lifecycle.tabs.incidents'), children: <IncidentsTab canRecord={custodian || manager} canSee={manager || auditor} /> },
        ]
      : []),
    ...(manager ? [{ key: 'retention', label: t('lifecycle.tabs.retention'), children: <RetentionTab /> }] : []),
    ...(manager ? [{ key: 'people', label: t('lifecycle.tabs.people'), children: <SuspensionsTab /> }] : []),
    ...(manager || custodian || actor.rank === 'account-manager'
      ? [{ key: 'handover', label: t('lifecycle.tabs.handover'), children: <HandoverTab canStart={manager} /> }]
      : []),
  ];
  return (
    <Card data-testid="screen-records" className="page-card">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('lifecycle.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('lifecycle.intro')}</Typography.Paragraph>
      {items.length > 0 ? <Tabs items={items} /> : <Typography.Text>{t('lifecycle.nothing')}</Typography.Text>}
    </Card>
  );
}
