/** Frame for the screens shown before an archive is unlocked: brand, language switch, one centred column. */
import { Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  testId: string;
  width?: number;
  children: ReactNode;
}

export function CenteredPage({ testId, width = 640, children }: Props) {
  const { t } = useTranslation();
  return (
    <Layout className="centered-page" data-testid={testId}>
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
