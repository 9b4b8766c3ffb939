/**
 * The e2e suites skip themselves when no Chromium is found; this file makes such a run fail, with
 * one line saying how to get one (issue 19, point 6), instead of passing with the suite skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, MISSING_CHROMIUM } from './support/find-chromium';
import { CHROMIUM_PATH } from './support/drivers';

describe('a Chromium for the e2e suite', () => {
  it('is found on this machine (or the run fails with how to get one)', () => {
    const found = findChromium();
    if (!found) expect.fail(MISSING_CHROMIUM);
    expect(CHROMIUM_PATH).toBe(found);
  });

  it('in an empty environment nothing is found, and the message is one line naming every way to get one', () => {
    const home = mkdtempSync(join(tmpdir(), 'triplicate-no-chromium-'));
    try {
      expect(findChromium({ env: { PATH: '' }, platform: 'linux', home, systemPaths: [] })).toBeNull();
      // A named browser that is not there is not replaced by another one.
      expect(findChromium({ env: { TRIPLICATE_E2E_CHROMIUM: join(home, 'nothing') }, platform: 'linux', home, systemPaths: ['/bin/sh'] })).toBeNull();
      expect(MISSING_CHROMIUM.split('\n')).toHaveLength(1);
      expect(MISSING_CHROMIUM).toMatch(/apt-get install chromium/);
      expect(MISSING_CHROMIUM).toMatch(/TRIPLICATE_E2E_CHROMIUM/);
      expect(MISSING_CHROMIUM).toMatch(/PLAYWRIGHT_BROWSERS_PATH/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it("finds one in Playwright's cache layout and on the PATH", async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const home = mkdtempSync(join(tmpdir(), 'triplicate-chromium-cache-'));
    try {
      const chrome = join(home, '.cache', 'ms-playwright', 'chromium-1200', 'chrome-linux64', 'chrome');
      mkdirSync(join(chrome, '..'), { recursive: true });
      writeFileSync(chrome, '');
      expect(findChromium({ env: {}, platform: 'linux', home, systemPaths: [] })).toBe(chrome);
      const bin = join(home, 'bin');
      mkdirSync(bin);
      writeFileSync(join(bin, 'chromium'), '');
      expect(findChromium({ env: { PATH: bin }, platform: 'linux', home: join(home, 'elsewhere'), systemPaths: [] })).toBe(join(bin, 'chromium'));
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
