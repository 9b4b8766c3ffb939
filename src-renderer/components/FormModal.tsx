/**
 * A dialog around one form, submitted one way (useSubmit): OK submits the form, the fields and OK
 * show the request running, and a failure appears above the fields. Mounted only while shown, so
 * its fields (and test ids) never linger hidden in the page.
 */
import { Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from './ErrorBanner';
import type { Submit } from './useSubmit';

interface Props<V> {
  title: ReactNode;
  form: FormInstance<V>;
  submitting: Submit<[V]>;
  onClose: () => void;
  okText: ReactNode;
  /** The OK button's test id, danger, …; `loading` follows the submit. */
  okButtonProps?: ButtonProps & { 'data-testid'?: string };
  width?: number;
  /** Shown above the error and the fields. */
  intro?: ReactNode;
  /** Shown below the fields. */
  after?: ReactNode;
  errorTestId?: string;
  initialValues?: Partial<V>;
  children: ReactNode;
}

export function FormModal<V>({ title, form, submitting, onClose, okText, okButtonProps, width, intro, after, errorTestId, initialValues, children }: Props<V>) {
  const { t } = useTranslation();
  const { submit, busy, error, setError } = submitting;
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ ...okButtonProps, loading: busy } as ButtonProps}
      width={width}
      destroyOnHidden
    >
      {intro}
      <ErrorBanner error={error} testId={errorTestId} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" onFinish={(values: V) => void submit(values)} disabled={busy} requiredMark={false} initialValues={initialValues}>
        {children}
      </Form>
      {after}
    </Modal>
  );
}
