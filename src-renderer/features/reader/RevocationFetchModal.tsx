/**
 * "Update revocations from the archive server" (issue 15, point 4): the laptop signs in to the
 * archive server for this one request, and main fetches the signed revocation list and keeps it
 * with the same checks as a list file opened by hand. Address and fingerprint are prefilled from
 * the servers this computer remembers; the renderer never touches the network, and the password
 * is cleared from the form whatever the outcome.
 */
import { Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReaderResponses } from '../../../src-main/contract/ipc-reader';
import { api, call } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../components/useSubmit';

export type FetchedRevocations = ReaderResponses['reader:fetchRevocations'];

interface Props {
  onClose: () => void;
  onFetched: (result: FetchedRevocations) => void;
}

interface Values {
  server: string;
  fingerprint: string;
  login: string;
  password: string;
}

export function RevocationFetchModal({ onClose, onFetched }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const submitting = useSubmit(async (values: Values) => {
    try {
      const request = { server: values.server.trim(), fingerprint: values.fingerprint.trim(), login: values.login.trim(), password: values.password };
      onFetched(await call(api().reader.fetchRevocations(request)));
    } finally {
      form.setFieldsValue({ password: '' });
    }
  });

  // The newest server this computer signed in to, with the fingerprint it pinned then.
  useEffect(() => {
    call(api().server.recent({}))
      .then((servers) => {
        const newest = servers[0];
        if (newest && !form.getFieldValue('server')) form.setFieldsValue({ server: newest.address, fingerprint: newest.fingerprint });
      })
      .catch(() => undefined);
  }, [form]);

  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <FormModal
      title={t('reader.fetchTitle')}
      form={form}
      submitting={submitting}
      onClose={onClose}
      okText={t('reader.fetchSubmit')}
      okButtonProps={{ 'data-testid': 'reader-fetch-submit' }}
      errorTestId="reader-fetch-error"
      intro={<Typography.Paragraph type="secondary">{t('reader.fetchIntro')}</Typography.Paragraph>}
    >
      <Form.Item name="server" label={t('server.address')} rules={required}>
        <Input placeholder={t('server.addressPlaceholder')} spellCheck={false} data-testid="reader-fetch-server" />
      </Form.Item>
      <Form.Item name="fingerprint" label={t('server.fingerprint')} rules={required} extra={t('server.fingerprintHint')}>
        <Input spellCheck={false} data-testid="reader-fetch-fingerprint" />
      </Form.Item>
      <Form.Item name="login" label={t('server.login')} rules={required}>
        <Input autoComplete="username" spellCheck={false} data-testid="reader-fetch-login" />
      </Form.Item>
      <Form.Item name="password" label={t('server.password')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="current-password" onPressEnter={() => form.submit()} data-testid="reader-fetch-password" />
      </Form.Item>
    </FormModal>
  );
}
