/**
 * Records lifecycle (issue 16): destruction requests, legal holds, the destruction record and the
 * incident register, each tab for the people it concerns. Main enforces every rule again.
 */
import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
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
  const may = actor.may;
  const items = [
    ...(may.seeRecords
      ? [
          {
            key: 'destruction',
            label: t('lifecycle.tabs.destruction'),
            children: <DestructionTab canRequest={may.requestDestruction} canDecide={may.manageDepartment} />,
          },
          { key: 'holds', label: t('lifecycle.tabs.holds'), children: <HoldsTab canSet={may.setHolds} /> },
          { key: 'record', label: t('lifecycle.tabs.record'), children: <RecordTab /> },
          {
            key: 'incidents',
            label: t('lifecycle.tabs.incidents'),
            children: <IncidentsTab canRecord={may.recordIncidents} canSee={may.seeIncidentRegister} />,
          },
        ]
      : []),
    ...(may.manageDepartment ? [{ key: 'retention', label: t('lifecycle.tabs.retention'), children: <RetentionTab /> }] : []),
    ...(may.manageDepartment ? [{ key: 'people', label: t('lifecycle.tabs.people'), children: <SuspensionsTab /> }] : []),
    ...(may.seeHandovers ? [{ key: 'handover', label: t('lifecycle.tabs.handover'), children: <HandoverTab canStart={may.manageDepartment} /> }] : []),
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
