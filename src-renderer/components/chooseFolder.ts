/** main's native folder dialog ("Browse…"): the chosen folder, or null when the person cancelled. */
import { api, call } from '../api/client';

export async function chooseFolder(purpose: 'create' | 'open'): Promise<string | null> {
  const chosen = await call(api().app.chooseFolder({ purpose }));
  return chosen.folder || null;
}
