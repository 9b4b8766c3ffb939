/** One report opened (a journaled read): its visits, the comment, the spot checks; the supervisor comments, the sales manager records findings. */
import { Button, Descriptions, Form, Input, List, Modal, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitReportView } from '../../../src-main/contract/visits-plans';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSubmit } from '../../components/useSubmit';
import { useFormat } from '../../i18n/useFormat';

export type ReportAction = 'read' | 'comment' | 'spotCheck';

interface Props {
  id: number;
  action: ReportAction;
  onClose: (changed: boolean) => void;
}

export function VisitReportModal({ id, action, onClose }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [report, setReport] = useState<VisitReportView | null>(null);
  const [text, setText] = useState('');
  const load = useSubmit(async () => setReport(await call(api().visits.open({ id }))));
  const save = useSubmit(async () => {
    if (action === 'comment') await call(api().visits.comment({ id, comment: text }));
    else await call(api().visits.spotCheck({ id, findings: text }));
    onClose(true);
  });
  useEffect(() => {
    void load.submit();
    // Once per report.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  const writable = action === 'comment' ? report !== null && report.commentedAt === null : action === 'spotCheck';
  return (
    <Modal
      open
      width={720}
      title={report ? `${report.date} · ${report.author.name}` : t('visitsPlans.visits.title')}
      onCancel={() => onClose(false)}
      footer={
        writable ? (
          <Button type="primary" disabled={!text.trim()} loading={save.busy} onClick={() => void save.submit()} data-testid="visit-report-save">
            {action === 'comment' ? t('visitsPlans.visits.commentAction') : t('visitsPlans.visits.recordCheck')}
          </Button>
        ) : null
      }
      data-testid="visit-report-modal"
    >
      <ErrorBanner error={load.error ?? save.error} />
      {!report && !load.error && <Skeleton active />}
      {report && (
        <>
          <List
            dataSource={report.visits}
            renderItem={(v, i) => (
              <List.Item key={i}>
                <Descriptions size="small" column={1} title={`${i + 1}. ${v.customer}${v.dossierNumber ? ` (${v.dossierNumber})` : ''}`}>
                  <Descriptions.Item label={t('visitsPlans.visits.personMet')}>{v.personMet}</Descriptions.Item>
                  <Descriptions.Item label={t('visitsPlans.visits.purpose')}>{v.purpose}</Descriptions.Item>
                  <Descriptions.Item label={t('visitsPlans.visits.result')}>{v.result}</Descriptions.Item>
                  <Descriptions.Item label={t('visitsPlans.visits.nextStep')}>{v.nextStep}</Descriptions.Item>
                </Descriptions>
              </List.Item>
            )}
          />
          {report.comment !== null && (
            <Typography.Paragraph data-testid="visit-report-comment">
              <Typography.Text strong>{t('visitsPlans.visits.comment')}</Typography.Text> ({report.commentedBy?.name}, {f.dateTime(report.commentedAt)}):{' '}
              {report.comment}
            </Typography.Paragraph>
          )}
          {report.checks.map((c, i) => (
            <Typography.Paragraph key={i}>
              <Typography.Text strong>{t('visitsPlans.visits.checks')}</Typography.Text> ({c.by.name}, {f.dateTime(c.at)}): {c.findings}
            </Typography.Paragraph>
          ))}
          {writable && (
            <Form layout="vertical">
              <Form.Item label={action === 'comment' ? t('visitsPlans.visits.comment') : t('visitsPlans.visits.findings')}>
                <Input.TextArea
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  maxLength={5000}
                  autoSize={{ minRows: 3 }}
                  placeholder={action === 'comment' ? t('visitsPlans.visits.commentPlaceholder') : ''}
                  data-testid="visit-report-text"
                />
              </Form.Item>
            </Form>
          )}
        </>
      )}
    </Modal>
  );
}
