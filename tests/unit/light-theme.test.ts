/**
 * The light kit (src-renderer/components/light) draws the screens before unlock without antd, with
 * antd's design tokens copied into CSS variables. Here they are checked against antd's own
 * derivation for the app's theme, so a theme or antd change cannot leave the first screens behind.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { THEME_TOKENS } from '../../src-renderer/theme';

const CSS = readFileSync(join(__dirname, '../../src-renderer/components/light/light.css'), 'utf8');

/** Each variable of light.css's :root and the antd token it copies. */
const TOKENS: Record<string, string> = {
  '--lt-color-primary': 'colorPrimary',
  '--lt-color-primary-hover': 'colorPrimaryHover',
  '--lt-color-primary-active': 'colorPrimaryActive',
  '--lt-color-primary-border': 'colorPrimaryBorder',
  '--lt-control-outline': 'controlOutline',
  '--lt-color-link': 'colorLink',
  '--lt-color-link-hover': 'colorLinkHover',
  '--lt-color-link-active': 'colorLinkActive',
  '--lt-color-error': 'colorError',
  '--lt-color-error-bg': 'colorErrorBg',
  '--lt-color-error-border': 'colorErrorBorder',
  '--lt-color-error-border-hover': 'colorErrorBorderHover',
  '--lt-color-error-outline': 'colorErrorOutline',
  '--lt-color-info': 'colorInfo',
  '--lt-color-info-bg': 'colorInfoBg',
  '--lt-color-info-border': 'colorInfoBorder',
  '--lt-color-text': 'colorText',
  '--lt-color-text-description': 'colorTextDescription',
  '--lt-color-text-disabled': 'colorTextDisabled',
  '--lt-color-icon': 'colorIcon',
  '--lt-color-icon-hover': 'colorIconHover',
  '--lt-color-border': 'colorBorder',
  '--lt-color-border-secondary': 'colorBorderSecondary',
  '--lt-color-bg-layout': 'colorBgLayout',
  '--lt-color-bg-container': 'colorBgContainer',
  '--lt-color-bg-container-disabled': 'colorBgContainerDisabled',
  '--lt-color-bg-spotlight': 'colorBgSpotlight',
  '--lt-color-fill-tertiary': 'colorFillTertiary',
  '--lt-color-fill': 'colorFill',
  '--lt-border-radius': 'borderRadius',
  '--lt-font-family': 'fontFamily',
  '--lt-font-family-code': 'fontFamilyCode',
  '--lt-line-height': 'lineHeight',
  '--lt-motion': 'motionDurationMid',
};

function rootVariables(css: string): Map<string, string> {
  const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  return new Map([...root.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!]));
}

const normal = (value: unknown) => String(value).replace(/\s+/g, '').toLowerCase();

describe('the light kit wears the app theme', () => {
  const variables = rootVariables(CSS);
  const token = theme.getDesignToken({ token: THEME_TOKENS }) as unknown as Record<string, unknown>;

  it('names an antd token for every variable', () => {
    expect(variables.size).toBeGreaterThan(0);
    expect([...variables.keys()].filter((name) => !(name in TOKENS))).toEqual([]);
  });

  it("has antd's values for the theme", () => {
    for (const [name, value] of variables) {
      const expected = token[TOKENS[name]!];
      expect(normal(value), `${name} (${TOKENS[name]})`).toBe(normal(typeof expected === 'number' && name.endsWith('radius') ? `${expected}px` : expected));
    }
  });
});
