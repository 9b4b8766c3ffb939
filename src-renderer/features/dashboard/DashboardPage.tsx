/**
 * The dashboard: who you are in this archive, what is waiting for you, and what your duties let you
 * do. Each work list appears only for the people it concerns (main enforces; this only does not
 * ask for what would be refused).
 */
import { CheckCircleOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, List, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DutyTags } from '../../components/DutyTags';
import { useLabels } from '../../components/labels';
import { useSession } from '../session/SessionContext';
import { ApprovalsCard, MyLoansCard, OverdueLoansCard, ReviewsCard } from './TaskLists';
import { BackupCard } from '../lifecycle/BackupCard';
import { PendingResetsCard } from '../resets/PendingResetsCard';
import { FlaggedCard } from '../lifecycle/FlaggedCard';
import { OrphansCard } from '../lifecycle/OrphansCard';
import { DueCard } from '../due/DueCard';
import { ComplianceCard } from '../due/ComplianceCard';
import { RelationsCard } from '../visits-plans/RelationsCard';
import { DashboardCharts } from '../analytics/DashboardCharts';
import './dashboard.css';

export function DashboardPage() {
  const { t } = useTranslation();
  const { actor, departments } = useSession();
  const { department, rank } = useLabels();
  // Whom each list is for is the core's answer (actor.may, computed with can()), never restated here.
  const borrower = actor.may.fileCards;
  const abilities = [
    ...actor.duties.map((duty) => ({ key: duty, text: t(`dashboard.duty_${duty}`), ok: true })),
    borrower ? { key: 'borrow', text: t('dashboard.borrow'), ok: true } : { key: 'borrow', text: t('dashboard.noBorrow'), ok: false },
  ];
  const tasks: { key: string; card: ReactNode }[] = [
    ...(actor.may.seeRegister ? [{ key: 'approvals', card: <ApprovalsCard /> }] : []),
    ...(actor.may.keepCopies ? [{ key: 'overdue', card: <OverdueLoansCard department={actor.department} /> }] : []),
    ...(actor.may.manageDepartment ? [{ key: 'reviews', card: <ReviewsCard assigned={false} /> }] : []),
    ...(actor.may.seeAssignedReviews ? [{ key: 'reviews-assigned', card: <ReviewsCard assigned /> }] : []),
    ...(borrower ? [{ key: 'loans', card: <MyLoansCard /> }] : []),
    ...(actor.may.backUp ? [{ key: 'backup', card: <BackupCard /> }] : []),
    // For whoever could approve a password reset (the card hides when none waits).
    ...(actor.may.approveResets ? [{ key: 'resets', card: <PendingResetsCard /> }] : []),
    ...(actor.may.seeFlagged ? [{ key: 'flagged', card: <FlaggedCard /> }] : []),
    ...(actor.may.manageDepartment ? [{ key: 'orphans', card: <OrphansCard /> }] : []),
    // Everyone's own due work (issue 17); a department manager also sees their account managers' cadence.
    { key: 'due', card: <DueCard /> },
    ...(actor.may.seeCompliance ? [{ key: 'compliance', card: <ComplianceCard /> }] : []),
    ...(actor.may.fileVisitReports || borrower || actor.may.keepPlans ? [{ key: 'relations', card: <RelationsCard /> }] : []),
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
      {tasks.length > 0 && (
        <>
          <Typography.Title level={5}>{t('dashboard.todo')}</Typography.Title>
          <Row gutter={[16, 16]} className="dashboard-tasks" data-testid="dashboard-tasks">
            {tasks.map(({ key, card }) => (
              // One column up to 1200 px: two would squeeze names and times at 1024.
              <Col key={key} xs={24} xl={12}>
                {card}
              </Col>
            ))}
          </Row>
        </>
      )}
      <DashboardCharts />
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
