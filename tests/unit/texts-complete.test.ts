/**
 * The one source of texts (issue 13, point 5): every domain in src-main/contract/texts and the error
 * messages say the same things in both languages — the same keys, no empty text, and the same
 * {{placeholders}} (a sentence that drops one would show a raw value in one language only).
 */
import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../src-main/contract/messages';
import { FEATURE_TEXTS, RESOURCES } from '../../src-main/contract/texts';
import { cliText } from '../../src-main/contract/texts/cli';
import { menuText } from '../../src-main/contract/texts/menu';
import { cliCommandsText } from '../../src-main/contract/texts/cli-commands';
import { cliUsageText } from '../../src-main/contract/texts/cli-usage';

function leaves(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [p, v] of leaves(value, path)) out.set(p, v);
    else out.set(path, value);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const DOMAINS: Array<[string, object, object]> = [
  ['renderer (shell and features)', RESOURCES.en, RESOURCES.zhCN],
  ...Object.entries(FEATURE_TEXTS).map(([name, t]): [string, object, object] => [name, t.en, t.zhCN]),
  ['menu', menuText.en, menuText.zhCN],
  ['cli', cliText.en, cliText['zh-CN']],
  ['errors', errorMessages.en, errorMessages['zh-CN']],
  ['cli commands', cliCommandsText.en, cliCommandsText.zhCN],
  ['cli usage lines', cliUsageText.en, cliUsageText.zhCN],
];

describe('one source of texts, both languages complete', () => {
  it.each(DOMAINS)('%s: the same keys, no empty text, the same placeholders', (_name, en, zh) => {
    const a = leaves(en);
    const b = leaves(zh);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [path, value] of a) {
      const other = b.get(path);
      expect(typeof value, path).toBe('string');
      expect(typeof other, path).toBe('string');
      expect((value as string).trim(), path).not.toBe('');
      expect((other as string).trim(), path).not.toBe('');
      expect(placeholders(other as string), path).toEqual(placeholders(value as string));
    }
  });

  it('catches a missing key and a dropped placeholder', () => {
    const a = leaves({ x: { y: 'Hello {{name}}' }, z: 'a' });
    const b = leaves({ x: { y: '你好' } });
    expect([...b.keys()]).not.toEqual([...a.keys()]);
    expect(placeholders('你好')).not.toEqual(placeholders(a.get('x.y') as string));
  });
});
