/**
 * "Record an update": the write-only form for a writer who may not read the dossier (a collector
 * after filing, rule 3). They pick a field group, enter only the new values and the key persons or
 * contact records to add; only those are sent, the core adds them as a new revision without
 * answering with anything stored, and the three copies then lag until re-issued.
 */
import { Alert, App, Button, Form, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTIONS, type Section } from '../../../src-main/contract/dossiers';
import { api, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSubmit } from '../../components/useSubmit';
import { toRecordedUpdate } from './formContent';
import { CELEBRATION_COLUMNS, CELEBRATION_FIELDS, CONTACT_COLUMNS, CONTACT_FIELDS, KEY_PERSON_COLUMNS, KEY_PERSON_FIELDS } from './formFields';
import { GroupFields } from './GroupFields';
import { useDossierLabels } from './labels';
import { ListSection } from './ListSection';

interface Props {
  number: string;
  onDirty: (dirty: boolean) => void;
  /** After a recorded update: the catalogue line (revision, copy lag) is fetched again. */
  onRecorded: () => void;
}

const NEVER_FILING = () => false;

export function RecordUpdateForm({ number, onDirty, onRecorded }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { field, section } = useDossierLabels();
  const [form] = Form.useForm();
  const [group, setGroup] = useState<Section>('basic');
  const [pending, setPending] = useState<string[]>([]);
  const separator = t('dossiers.form.listSeparator');

  /** What a submit would send, in words: the fields filled and the entries added. */
  const describe = () => {
    const { changes, add } = toRecordedUpdate(form.getFieldsValue(true) as Record<string, unknown>);
    const fields = Object.entries(changes).flatMap(([g, values]) => Object.keys(values as object).map((name) => field(`${g}.${name}`)));
    const entries = Object.entries(add).map(([s, items]) =>
      t('dossiers.record.entries', { count: (items as unknown[]).length, section: section(s as Section) }),
    );
    return { changes, add, words: [...fields, ...entries] };
  };

  const changed = () => {
    const words = describe().words;
    setPending(words);
    onDirty(words.length > 0);
  };

  const {
    submit: send,
    busy,
    error,
    setError,
  } = useSubmit(async ({ changes, add }: Pick<ReturnType<typeof describe>, 'changes' | 'add'>) => {
    const saved = await call(api().dossiers.update({ number, changes, ...(Object.keys(add).length ? { add } : {}) }));
    const fields = [...new Set(saved.changedFields.map((path) => field(path.replace(/\.\d+\./, '.'))))].join(separator);
    void message.success(t('dossiers.record.recorded', { revision: saved.revision, fields }));
    clear();
    onRecorded();
  });

  const clear = () => {
    form.resetFields();
    setPending([]);
    setError(null);
    onDirty(false);
  };

  const submit = async () => {
    setError(null);
    try {
      await form.validateFields({ recursive: true });
    } catch {
      return;
    }
    const { changes, add, words } = describe();
    if (words.length === 0) {
      setError(null);
      void message.warning(t('dossiers.record.nothing'));
      return;
    }
    await send({ changes, add });
  };

  return (
    <div data-testid="record-update">
      <Alert type="info" showIcon title={t('dossiers.record.intro')} style={{ marginBottom: 12 }} />
      <ErrorBanner error={error} onClose={() => setError(null)} />
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Text>{t('dossiers.record.group')}</Typography.Text>
        <Select
          data-testid="record-group"
          value={group}
          onChange={setGroup}
          style={{ minWidth: 240 }}
          options={SECTIONS.filter((s) => s !== 'maintenancePlan').map((s) => ({ value: s, label: section(s) }))}
        />
      </Space>
      <Form form={form} layout="vertical" className="dossier-form" disabled={busy} requiredMark={false} onValuesChange={changed}>
        {group === 'keyPersons' || group === 'contactRecords' || group === 'celebrations' ? (
          <>
            <Typography.Paragraph type="secondary">{t('dossiers.record.addHint')}</Typography.Paragraph>
            {group === 'keyPersons' ? (
              <ListSection
                section="keyPersons"
                defs={KEY_PERSON_FIELDS}
                columns={KEY_PERSON_COLUMNS}
                addText={t('dossiers.form.addKeyPerson')}
                filing={NEVER_FILING}
              />
            ) : group === 'contactRecords' ? (
              <ListSection
                section="contactRecords"
                defs={CONTACT_FIELDS}
                columns={CONTACT_COLUMNS}
                addText={t('dossiers.form.addContact')}
                filing={NEVER_FILING}
              />
            ) : (
              <ListSection
                section="celebrations"
                defs={CELEBRATION_FIELDS}
                columns={CELEBRATION_COLUMNS}
                addText={t('due.addCelebration')}
                filing={NEVER_FILING}
              />
            )}
          </>
        ) : (
          // Nothing is required here: an empty field is simply not part of the update.
          <Row gutter={16}>
            <GroupFields section={group} testPrefix="record" filing={null} />
          </Row>
        )}
      </Form>
      <Typography.Paragraph type="secondary" data-testid="record-pending" style={{ marginTop: 8 }}>
        {pending.length ? t('dossiers.record.pending', { fields: pending.join(separator) }) : t('dossiers.record.pendingNone')}
      </Typography.Paragraph>
      <Space wrap>
        <Button type="primary" onClick={() => void submit()} loading={busy} disabled={pending.length === 0} data-testid="record-submit">
          {t('dossiers.record.submit')}
        </Button>
        <Button onClick={clear} disabled={busy || pending.length === 0} data-testid="record-clear">
          {t('dossiers.record.clear')}
        </Button>
      </Space>
    </div>
  );
}
