/**
 * Renderer entry. Asks main for the app state first so the very first paint is already in the
 * user's language (main decides the default from the system locale).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { AppInfo } from '../src-main/contract/ipc';
import { localeFrom } from '../src-main/contract/messages';
import { api, call } from './api/client';
import { App } from './App';
import { initI18n } from './i18n';
import './styles.css';

async function start(): Promise<void> {
  let info: AppInfo | null = null;
  try {
    info = await call(api().app.info());
  } catch {
    // Without app info we still start, in the browser's language, on the welcome screen.
  }
  await initI18n(info?.locale ?? localeFrom(navigator.language));
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App initialInfo={info} />
    </StrictMode>,
  );
}

void start();
