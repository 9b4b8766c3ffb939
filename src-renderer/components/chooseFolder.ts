/** main's native folder dialog ("Browse…"): the chosen folder, or null when the person cancelled. */
import { api, call } from '../api/client';

export async function chooseFolder(purpose: 'create' | 'open'): Promise<string | null> {
  const chosen = await call(api().app.chooseFolder({ purpose }));
  return chosen.folder || null;
}

/** The "Browse…" button's action (components/FolderInput): pick, then hand the folder on. */
export function browseFolder(
  purpose: 'create' | 'open',
  handlers: { onChange?: (folder: string) => void; onPicked?: (folder: string) => void; onError: (error: unknown) => void },
): () => Promise<void> {
  return async () => {
    try {
      const folder = await chooseFolder(purpose);
      if (!folder) return;
      handlers.onChange?.(folder);
      handlers.onPicked?.(folder);
    } catch (cause) {
      handlers.onError(cause);
    }
  };
}
