/**
 * The dossier's field groups as forms: "Save draft" (only the customer's name needed) and "File"
 * (every ★ field). Rules come from the contract's schemas; the core checks everything again and
 * its refusal, if any, is what is shown.
 */
import { Alert, App, Button, Col, Form, Input, Row, Space, Tabs, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUIRED_TO_FILE, type DossierContent, type DossierView } from '../../../src-main/contract/dossiers';
import { api, ApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSubmit } from '../../components/useSubmit';
import {
  CELEBRATION_COLUMNS,
  CELEBRATION_FIELDS,
  CONTACT_COLUMNS,
  CONTACT_FIELDS,
  KEY_PERSON_COLUMNS,
  KEY_PERSON_FIELDS,
  type ObjectSection,
} from './formFields';
import { GroupFields } from './GroupFields';
import { toContent } from './formContent';
import { useDossierLabels } from './labels';
import { ListSection } from './ListSection';

interface Props {
  /** null: a new dossier */
  view: DossierView | null;
  onDirty: (dirty: boolean) => void;
  /** After a save or filing: the dossier to show now. */
  onSaved: (number: string) => void;
}

/** The ★ fields still empty in the form (the core's own check decides; this only names them). */
function missingToFile(values: Record<string, Record<string, unknown> | undefined>): string[] {
  return REQUIRED_TO_FILE.filter((path) => {
    const [group, name] = path.split('.') as [string, string];
    const value = values[group]?.[name];
    return value === undefined || value === null || String(value).trim() === '';
  });
}

export function DossierForm({ view, onDirty, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { field, section } = useDossierLabels();
  const [form] = Form.useForm();
  const filingRef = useRef(false);
  const filing = () => filingRef.current;
  const [dirty, setDirty] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const isDraft = !view || view.status === 'draft';

  const markDirty = (value: boolean) => {
    setDirty(value);
    onDirty(value);
  };

  const {
    submit: save,
    busy,
    error,
    setError,
  } = useSubmit(async (toFile: boolean) => {
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    let number = view?.number;
    if (!number) {
      const created = await call(api().dossiers.create(toContent(values, 'create') as never));
      number = created.number;
      void message.success(t('dossiers.form.created', { number }));
    } else if (dirty) {
      const saved = await call(api().dossiers.update({ number, expectedRevision: view!.revision, changes: toContent(values, 'update') }));
      void message.success(t('dossiers.form.saved', { revision: saved.revision }));
    }
    markDirty(false);
    if (toFile) {
      try {
        const filed = await call(api().dossiers.file({ number }));
        void message.success(t('dossiers.form.filed', { copies: filed.copies.join(', ') }));
      } catch (cause) {
        setError(cause);
      }
    }
    onSaved(number);
  });

  const submit = async (toFile: boolean) => {
    setError(null);
    setMissing([]);
    filingRef.current = toFile;
    try {
      await form.validateFields({ recursive: true });
    } catch {
      if (toFile) setMissing(missingToFile(form.getFieldsValue(true) as Record<string, Record<string, unknown>>));
      return;
    } finally {
      filingRef.current = false;
    }
    await save(toFile);
  };

  // The core's "incomplete" names field paths; shown with the form's own labels.
  const coreMissing =
    error instanceof ApiError && error.code === 'dossier.incomplete'
      ? String(error.params?.fields ?? '')
          .split(', ')
          .filter(Boolean)
      : [];
  const missingLabels = [...missing, ...coreMissing].map((path) => field(path.replace(/\.\d+\./, '.')));

  const objectTab = (key: ObjectSection) => ({
    key,
    label: section(key),
    forceRender: true,
    children: (
      <Row gutter={16}>
        <GroupFields
          section={key}
          testPrefix="field"
          filing={filing}
          leading={
            key === 'basic' &&
            view && (
              <Col span={12}>
                <Form.Item label={`★ ${field('basic.archiveNumber')}`}>
                  <Input value={view.number} disabled data-testid="dossier-number" />
                </Form.Item>
              </Col>
            )
          }
        />
      </Row>
    ),
  });

  return (
    <div data-testid="dossier-form">
      <ErrorBanner error={coreMissing.length ? null : error} onClose={() => setError(null)} />
      {missingLabels.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="file-incomplete"
          title={t('dossiers.form.incomplete', { fields: [...new Set(missingLabels)].join(t('dossiers.form.listSeparator')) })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        className="dossier-form"
        disabled={busy}
        requiredMark={false}
        initialValues={(view?.content ?? {}) as DossierContent}
        onValuesChange={() => !dirty && markDirty(true)}
      >
        {/* Sections down the side: nine names never fit across a 1024-pixel window. */}
        <Tabs
          tabPlacement="start"
          className="dossier-form__tabs"
          items={[
            objectTab('basic'),
            objectTab('classification'),
            objectTab('market'),
            {
              key: 'keyPersons',
              label: section('keyPersons'),
              forceRender: true,
              children: (
                <ListSection
                  section="keyPersons"
                  defs={KEY_PERSON_FIELDS}
                  columns={KEY_PERSON_COLUMNS}
                  addText={t('dossiers.form.addKeyPerson')}
                  filing={filing}
                />
              ),
            },
            objectTab('purchasing'),
            objectTab('cooperation'),
            objectTab('finance'),
            {
              key: 'contactRecords',
              label: section('contactRecords'),
              forceRender: true,
              children: (
                <ListSection section="contactRecords" defs={CONTACT_FIELDS} columns={CONTACT_COLUMNS} addText={t('dossiers.form.addContact')} filing={filing} />
              ),
            },
            {
              key: 'celebrations',
              label: section('celebrations'),
              forceRender: true,
              children: (
                <ListSection section="celebrations" defs={CELEBRATION_FIELDS} columns={CELEBRATION_COLUMNS} addText={t('due.addCelebration')} filing={filing} />
              ),
            },
          ].map((item) => ({ ...item, label: <span data-testid={`form-tab-${item.key}`}>{item.label}</span> }))}
        />
      </Form>
      <Space wrap style={{ marginTop: 8 }}>
        <Button onClick={() => void submit(false)} loading={busy} disabled={!!view && !dirty} data-testid="dossier-save">
          {isDraft ? t('dossiers.form.saveDraft') : t('dossiers.form.save')}
        </Button>
        {isDraft && (
          <Button type="primary" onClick={() => void submit(true)} loading={busy} data-testid="dossier-file">
            {t('dossiers.form.file')}
          </Button>
        )}
        <Typography.Text type="secondary">{t('dossiers.form.fileHint')}</Typography.Text>
      </Space>
    </div>
  );
}
