/** Welcome card: who you are in this archive and what your duties let you do. */
import { CheckCircleOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Card, Descriptions, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rankAtLeast } from '../../../src-main/contract/people';
import { DutyTags } from '../../components/DutyTags';
import { useLabels } from '../../components/labels';
import { useSession } from '../session/SessionContext';

export function DashboardPage() {
  const { t } = useTranslation();
  const { actor, departments } = useSession();
  const { department, rank } = useLabels();
  const abilities = [
    ...actor.duties.map((duty) => ({ key: duty, text: t(`dashboard.duty_${duty}`), ok: true })),
    rankAtLeast(actor.rank, 'account-manager')
      ? { key: 'borrow', text: t('dashboard.borrow'), ok: true }
      : { key: 'borrow', text: t('dashboard.noBorrow'), ok: false },
  ];
  return (
    <Card data-testid="screen-dashboard" className="page-card">
      <Typography.Title level={3}>{t('dashboard.greeting', { name: actor.name })}</Typography.Title>
      <Descriptions column={1} size="small" style={{ maxWidth: 640, marginBottom: 16 }}>
        <Descriptions.Item label={t('dashboard.department')}>{department(actor.department, departments)}</Descriptions.Item>
        <Descriptions.Item label={t('dashboard.rank')}>{rank(actor.rank)}</Descriptions.Item>
        <Descriptions.Item label={t('dashboard.duties')}>
          <DutyTags duties={actor.duties} empty={t('dashboard.noDuties')} />
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('dashboard.canDo')}</Typography.Title>
      <List
        dataSource={abilities}
        renderItem={(item) => (
          <List.Item key={item.key}>
            <Typography.Text>
              {item.ok ? <CheckCircleOutlined className="ability-ok" /> : <InfoCircleOutlined className="ability-info" />} {item.text}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
