/**
 * The administrator asks for a password reset (issue 11, point 5). No password here: a second
 * person approves and hands the owner a one-time code; the administrator never sees it.
 */
import { Alert, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListedPerson, ResetRequestView } from '../../../src-main/contract/people';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSubmit } from '../../components/useSubmit';
import { PERSON_SUBMIT } from './submitProps';

interface Props {
  person: ListedPerson;
  onClose: () => void;
  onDone: (person: ListedPerson) => void;
}

export function ResetPasswordModal({ person, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [requested, setRequested] = useState<ResetRequestView | null>(null);
  const {
    submit: request,
    busy,
    error,
    setError,
  } = useSubmit(async () => {
    setRequested(await call(api().people.resetPassword({ login: person.login })));
  });

  const submit = async () => {
    if (requested) {
      onDone(person);
      return;
    }
    await request();
  };

  return (
    <Modal
      open
      title={t('resets.requestTitle', { name: person.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={requested ? t('resets.close') : t('resets.requestSubmit')}
      cancelText={t('common.cancel')}
      cancelButtonProps={requested ? { style: { display: 'none' } } : {}}
      okButtonProps={{ ...PERSON_SUBMIT, loading: busy }}
      width={560}
    >
      <ErrorBanner error={error} onClose={() => setError(null)} />
      {!requested && <Typography.Paragraph>{t('resets.requestBody', { name: person.name })}</Typography.Paragraph>}
      {requested &&
        (requested.approvers.length > 0 ? (
          <Alert
            type="success"
            data-testid="reset-requested"
            message={t('resets.requested', { approvers: requested.approvers.map((a) => `${a.name} (${a.login})`).join(', ') })}
          />
        ) : (
          <Alert type="warning" data-testid="reset-no-approver" message={t('resets.noApprover')} />
        ))}
    </Modal>
  );
}
