/**
 * The renderer's Content-Security-Policy, sent as a response header with every app file (the
 * Electron app's `app://` protocol and the e2e server use the same string).
 * Electron security checklist #7, "Define a Content Security Policy"
 * (https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy).
 *
 * - Nothing remote: every source is 'self' or 'none'; the app makes no network request at all.
 * - `script-src 'self'` with no 'unsafe-inline' and no 'unsafe-eval': only the bundled modules run.
 * - `style-src 'unsafe-inline'` is the one concession: Ant Design v6 is CSS-in-JS and injects
 *   <style> elements at run time. Inline styles cannot run code, and with no remote sources and no
 *   inline script a style injection cannot load or execute anything.
 * - `img-src data:`: Ant Design's built-in pictures (empty states) are data: URLs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "worker-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Served with every file, beside the CSP. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function mimeType(path: string): string {
  const dot = path.lastIndexOf('.');
  return (dot >= 0 && MIME[path.slice(dot).toLowerCase()]) || 'application/octet-stream';
}
