/** Create an archive: folder, first administrator, password. The recovery key comes next, once. */
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedArchive } from '../../../src-main/contract/ipc';
import { MIN_PASSWORD_LENGTH } from '../../../src-main/contract/people';
import { api, call } from '../../api/client';
import { CenteredPage } from '../../components/CenteredPage';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FolderInput } from '../../components/FolderInput';
import { confirmRules, loginRules, nameRules, passwordRules } from './validators';

interface Props {
  onBack: () => void;
  onCreated: (folder: string, created: CreatedArchive) => void;
}

interface Values {
  folder: string;
  adminLogin: string;
  adminName: string;
  password: string;
  confirm: string;
}

export function CreateArchiveScreen({ onBack, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const folder = values.folder.trim();
      const created = await call(
        api().archive.create({ folder, adminLogin: values.adminLogin.trim(), adminName: values.adminName.trim(), password: values.password }),
      );
      form.resetFields(); // the password should not outlive the form
      onCreated(folder, created);
    } catch (cause) {
      setError(cause);
      setBusy(false);
    }
  };

  return (
    <CenteredPage testId="screen-create" width={680}>
      <Card title={t('create.title')}>
        <Typography.Paragraph type="secondary">{t('create.intro')}</Typography.Paragraph>
        <ErrorBanner error={error} onClose={() => setError(null)} />
        <Form form={form} layout="vertical" onFinish={submit} disabled={busy} requiredMark={false}>
          <Form.Item name="folder" label={t('create.folder')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <FolderField disabled={busy} placeholder={t('create.folderPlaceholder')} onError={setError} />
          </Form.Item>
          <Form.Item name="adminLogin" label={t('create.adminLogin')} extra={t('create.adminLoginHint')} rules={loginRules(t)}>
            <Input autoComplete="off" spellCheck={false} data-testid="create-admin-login" />
          </Form.Item>
          <Form.Item name="adminName" label={t('create.adminName')} rules={nameRules(t)}>
            <Input autoComplete="off" data-testid="create-admin-name" />
          </Form.Item>
          <Form.Item name="password" label={t('create.password')} extra={t('create.passwordHint', { min: MIN_PASSWORD_LENGTH })} rules={passwordRules(t)}>
            <Input.Password autoComplete="new-password" data-testid="create-password" />
          </Form.Item>
          <Form.Item name="confirm" label={t('create.passwordConfirm')} dependencies={['password']} rules={confirmRules(t, 'password')}>
            <Input.Password autoComplete="new-password" data-testid="create-password-confirm" />
          </Form.Item>
          {busy && <Alert type="info" showIcon title={t('create.creating')} style={{ marginBottom: 16 }} />}
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="create-submit">
              {t('create.submit')}
            </Button>
            <Button onClick={onBack} disabled={busy}>
              {t('create.back')}
            </Button>
          </Space>
        </Form>
      </Card>
    </CenteredPage>
  );
}

/**
 * The folder input as this antd form's control: the light input does not read antd's form contexts,
 * so the item's error status and the form's busy state are handed to it.
 */
function FolderField(props: {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  disabled: boolean;
  placeholder: string;
  onError: (e: unknown) => void;
}) {
  const { status } = Form.Item.useStatus();
  return <FolderInput purpose="create" testId="create-folder" invalid={status === 'error'} {...props} />;
}
