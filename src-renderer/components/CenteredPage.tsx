/**
 * Frame for the screens shown before an archive is unlocked: brand, language switch, one centred
 * column. The welcome and unlock screens are painted from the build's HTML before React runs
 * (first-screen/prerender.tsx), so this frame is plain markup around antd content.
 */
import { Layout, Typography } from 'antd';
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
    <Layout className="centered-page" data-testid={testId} onDragOver={onDragOver} onDrop={onDrop}>
      <header className="centered-page__bar">
        <Typography.Text strong className="brand">
          {t('app.title')}
        </Typography.Text>
        <LanguageSwitch />
      </header>
      <main className="centered-page__body" style={{ maxWidth: width }}>
        {children}
      </main>
    </Layout>
  );
}
