/**
 * The app:// protocol (and the e2e server) serve only files of the built renderer, with the CSP on
 * every response: a crafted path cannot read the archive, the keyring or anything else on disk.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/app/csp';
import { resolveStaticFile } from '../../src-main/app/static-files';
import { isTrustedSender } from '../../src-main/ipc/sender';

const root = mkdtempSync(join(tmpdir(), 'triplicate-static-'));
const renderer = join(root, 'renderer');
mkdirSync(join(renderer, 'assets'), { recursive: true });
writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
writeFileSync(join(renderer, 'assets', 'app.js'), '');
writeFileSync(join(root, 'keyring.json'), '{}');
symlinkSync(join(root, 'keyring.json'), join(renderer, 'assets', 'link.json'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('renderer files', () => {
  it('serves the renderer files and index.html for the root', () => {
    expect(resolveStaticFile(renderer, '/')).toBe(join(renderer, 'index.html'));
    expect(resolveStaticFile(renderer, '/assets/app.js?v=1')).toBe(join(renderer, 'assets', 'app.js'));
  });

  it('a path that leaves the renderer folder is refused, however it is spelled', () => {
    for (const path of [
      '/../keyring.json',
      '/assets/../../keyring.json',
      '/%2e%2e/keyring.json',
      '/..%2fkeyring.json',
      '/assets/link.json',
      '/%00',
      '/..\\keyring.json',
      '/%E0%A4%A',
    ]) {
      expect(resolveStaticFile(renderer, path), path).toBeNull();
    }
  });

  it('the CSP allows no remote source, no inline script and no eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });

  it('only the main frame of the app window on the app origin is a trusted sender', () => {
    const app = { url: 'app://triplicate/index.html', isMainFrame: true, ownWindow: true };
    expect(isTrustedSender(app, ['app://triplicate'])).toBe(true);
    expect(isTrustedSender({ ...app, url: 'app://evil/index.html' }, ['app://triplicate'])).toBe(false);
    expect(isTrustedSender({ ...app, url: 'file:///etc/passwd' }, ['app://triplicate'])).toBe(false);
    expect(isTrustedSender({ ...app, isMainFrame: false }, ['app://triplicate'])).toBe(false);
  });
});
