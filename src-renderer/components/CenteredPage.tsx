/**
 * Frame for the screens shown before an archive is unlocked: brand, language switch, one centred
 * column. Built from the light kit so the welcome and unlock screens paint without antd; the create
 * and recovery screens put antd content inside it.
 */
import type { DragEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  testId: string;
  width?: number;
  children: ReactNode;
  /** Files dropped on the page (the welcome screen takes offline packages). */
  onDragOver?: (event: DragEvent) => void;
  onDrop?: (event: DragEvent) => void;
}

export function CenteredPage({ testId, width = 640, children, onDragOver, onDrop }: Props) {
  const { t } = useTranslation();
  return (
    <div className="lt-root centered-page" data-testid={testId} onDragOver={onDragOver} onDrop={onDrop}>
      <header className="centered-page__bar">
        <strong className="lt-strong brand">{t('app.title')}</strong>
        <LanguageSwitch />
      </header>
      <main className="centered-page__body" style={{ maxWidth: width }}>
        {children}
      </main>
    </div>
  );
}
