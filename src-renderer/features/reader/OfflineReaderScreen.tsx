/**
 * The offline reader (issue 15): a package file opened on a laptop with no archive. Pick the file
 * (main's dialog, or a file dropped on the window), type its passphrase, read it in the same kind
 * of view as an online loan. Main holds the package key while the view is open and closes it by
 * itself (due time, idle, sleep, screen lock, revocation); this screen then says why.
 */
import { CloudSyncOutlined, FolderOpenOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useCallback, useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeptRevocationList, OpenedPackageView, PackageDescription, ReaderEnd } from '../../../src-main/contract/ipc-reader';
import '../../i18n/featureTexts';
import { api, call } from '../../api/client';
import { CenteredPage } from '../../components/CenteredPage';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoanLabels } from '../loans/labels';
import { OfflineReadingView } from './OfflineReadingView';
import { RevocationFetchModal, type FetchedRevocations } from './RevocationFetchModal';
import '../loans/loans.css';

interface Props {
  dropped?: string | undefined;
  /** A package the system handed the app (double-click), chosen in main, or why it was refused. */
  handed?: { chosen: PackageDescription } | { failure: unknown } | undefined;
  onExit: () => void;
}

type Phase =
  | { name: 'pick' }
  | { name: 'passphrase'; description: PackageDescription }
  | { name: 'reading'; description: PackageDescription; opened: OpenedPackageView }
  | { name: 'closed'; description: PackageDescription; why: ReaderEnd };

export function OfflineReaderScreen({ dropped, handed, onExit }: Props) {
  const { t } = useTranslation();
  const { time } = useLoanLabels();
  const [phase, setPhase] = useState<Phase>({ name: 'pick' });
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [lists, setLists] = useState<KeptRevocationList[]>([]);
  const [fetching, setFetching] = useState(false);
  const [form] = Form.useForm<{ passphrase: string }>();

  const picked = useCallback((description: PackageDescription | null) => {
    if (description) setPhase({ name: 'passphrase', description });
    setError(null);
  }, []);

  const choose = useCallback(() => {
    call(api().reader.choose({})).then(picked, setError);
  }, [picked]);

  const dropFile = useCallback(
    (path: string) => {
      call(api().reader.drop({ file: path })).then(picked, setError);
    },
    [picked],
  );

  useEffect(() => {
    call(api().reader.status({})).then(
      (s) => setLists(s.lists),
      () => setLists([]),
    );
    if (handed && 'chosen' in handed) picked(handed.chosen);
    else if (handed) setError(handed.failure);
    else if (dropped) dropFile(dropped);
    else choose();
  }, [dropped, handed, dropFile, choose, picked]);

  // Another package double-clicked while this screen is up: it replaces the one chosen here.
  useEffect(() => api().reader.onWaiting(() => call(api().reader.waiting({})).then((chosen) => chosen && picked(chosen), setError)), [picked]);

  // Main closed the package (due time, idle, sleep, screen lock, revocation): say why.
  useEffect(
    () =>
      api().reader.onClosed((event) =>
        setPhase((current) => (current.name === 'reading' ? { name: 'closed', description: current.description, why: event.reason } : current)),
      ),
    [],
  );

  const onDrop = (event: DragEvent) => {
    const file = event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    const path = api().reader.pathOfDropped(file);
    if (path) dropFile(path);
  };

  const open = async ({ passphrase }: { passphrase: string }) => {
    if (phase.name !== 'passphrase' && phase.name !== 'closed') return;
    setBusy(true);
    try {
      const opened = await call(api().reader.open({ passphrase }));
      form.resetFields();
      setError(null);
      setPhase({ name: 'reading', description: phase.description, opened });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const openList = async () => {
    try {
      const result = await call(api().reader.revocations({}));
      if (!result) return;
      setNotice(
        result.closedOpen
          ? t('reader.revocationsClosed')
          : t('reader.revocationsKept', { createdAt: time(result.list.createdAt), packages: result.list.packages }),
      );
      setLists((await call(api().reader.status({}))).lists);
      setError(null);
    } catch (cause) {
      setError(cause);
    }
  };

  // Kept here, not in the reading view: a list naming the open package closes that view meanwhile.
  const fetched = (result: FetchedRevocations) => {
    setFetching(false);
    setNotice(
      result.closedOpen ? t('reader.revocationsClosed') : t('reader.fetchKept', { createdAt: time(result.list.createdAt), packages: result.list.packages }),
    );
    setError(null);
    call(api().reader.status({})).then(
      (s) => setLists(s.lists),
      () => undefined,
    );
  };
  const fetchModal = fetching && <RevocationFetchModal onClose={() => setFetching(false)} onFetched={fetched} />;

  if (phase.name === 'reading') {
    return (
      <>
        <OfflineReadingView
          opened={phase.opened}
          onClose={(why) => {
            void call(api().reader.close({})).catch(() => {});
            setPhase({ name: 'closed', description: phase.description, why });
          }}
          onFetchRevocations={() => setFetching(true)}
        />
        {fetchModal}
      </>
    );
  }

  const description = phase.name === 'pick' ? null : phase.description;
  return (
    <CenteredPage testId="screen-reader" width={760} onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <h2 className="lt-title">{t('reader.title')}</h2>
      <Typography.Paragraph type="secondary">{t('reader.intro')}</Typography.Paragraph>
      <ErrorBanner error={error} onClose={() => setError(null)} />
      {notice && (
        <Alert type="info" showIcon title={notice} closable={{ onClose: () => setNotice(null) }} style={{ marginBottom: 12 }} data-testid="reader-notice" />
      )}
      {phase.name === 'closed' && (
        <Alert type="warning" showIcon title={t(`reader.closed.${phase.why}`)} style={{ marginBottom: 12 }} data-testid="reader-closed" />
      )}
      <Card>
        {description ? (
          <Space vertical style={{ width: '100%' }}>
            <Typography.Text strong data-testid="reader-package">
              {t('reader.package', { number: description.dossierNumber, card: description.card, copy: description.copyNumber })}
            </Typography.Text>
            <Typography.Text type="secondary">{t('reader.dueAt', { at: time(description.dueAt) })}</Typography.Text>
            {description.destroyed ? (
              <Alert type="error" showIcon title={t('reader.destroyed')} data-testid="reader-destroyed" />
            ) : (
              <Form form={form} layout="vertical" onFinish={(v) => void open(v)} requiredMark={false}>
                <Form.Item name="passphrase" label={t('reader.passphrase')} rules={[{ required: true, message: t('common.required') }]}>
                  <Input.Password autoFocus autoComplete="off" data-testid="reader-passphrase" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="reader-open">
                  {phase.name === 'closed' ? t('reader.openAgain') : t('reader.open')}
                </Button>
              </Form>
            )}
          </Space>
        ) : (
          <Typography.Paragraph type="secondary">{t('reader.drop')}</Typography.Paragraph>
        )}
        <Space wrap style={{ marginTop: 16 }}>
          <Button icon={<FolderOpenOutlined />} onClick={choose} data-testid="reader-choose">
            {t('reader.choose')}
          </Button>
          <Button icon={<SafetyCertificateOutlined />} onClick={() => void openList()} data-testid="reader-revocations">
            {t('reader.revocations')}
          </Button>
          <Button icon={<CloudSyncOutlined />} onClick={() => setFetching(true)} data-testid="reader-fetch-revocations">
            {t('reader.fetch')}
          </Button>
          <Button onClick={onExit} data-testid="reader-back">
            {t('reader.back')}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }} data-testid="reader-lists">
          {lists.length ? t('reader.listsSome', { count: lists.length, createdAt: time(lists[0]!.createdAt) }) : t('reader.listsNone')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('reader.copiesTitle')} size="small" style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="reader-copies">
          {t('reader.copies')}
        </Typography.Paragraph>
      </Card>
      {fetchModal}
    </CenteredPage>
  );
}
