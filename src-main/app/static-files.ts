/**
 * Resolves a request path to a file of the built renderer, refusing anything outside it
 * (`..`, encoded separators, absolute paths). Used by the app protocol and the e2e server.
 */
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';

export function resolveStaticFile(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const wanted = decoded === '/' || decoded === '' ? '/index.html' : decoded;
  const candidate = normalize(join(root, wanted));
  const rel = relative(root, candidate);
  if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  try {
    if (!statSync(candidate).isFile()) return null;
    // A symlink inside the folder must not lead out of it either.
    const real = realpathSync(candidate);
    const realRoot = realpathSync(root);
    return real === realRoot || real.startsWith(realRoot + sep) ? real : null;
  } catch {
    return null;
  }
}
