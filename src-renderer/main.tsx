/**
 * Renderer entry. Asks main for the app state first so the very first paint is already in the
 * user's language (main decides the default from the system locale). When main served the page
 * with the unlock screen already in it (src-main/app/first-screen-html.ts) and it is the screen
 * this renderer would show, React hydrates it instead of rendering it again.
 */
import { createRoot, hydrateRoot } from 'react-dom/client';
import type { AppInfo } from '../src-main/contract/ipc';
import { localeFrom } from '../src-main/contract/messages';
import { api, call } from './api/client';
import { canHydrate } from './first-screen/hydration';
import { initI18n } from './i18n';
import { Root } from './Root';
import './styles.css';

async function start(): Promise<void> {
  let info: AppInfo | null = null;
  try {
    info = await call(api().app.info());
  } catch {
    // Without app info we still start, in the browser's language, on the welcome screen.
  }
  const locale = info?.locale ?? localeFrom(navigator.language);
  await initI18n(locale);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  if (canHydrate(root.dataset, info, locale)) {
    hydrateRoot(root, <Root info={info} />);
    return;
  }
  root.replaceChildren();
  createRoot(root).render(<Root info={info} />);
}

void start();
