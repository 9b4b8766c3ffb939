import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../src-renderer/i18n/resources';

const { en, zhCN } = RESOURCES;

/** Every leaf as `path → value`, so missing keys and empty strings are both visible. */
function leaves(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [p, v] of leaves(value, path)) out.set(p, v);
    else out.set(path, value);
  }
  return out;
}

describe('the UI speaks both languages completely', () => {
  const english = leaves(en);
  const chinese = leaves(zhCN);

  it('zh-CN and en have exactly the same keys', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('no text is empty or not a string', () => {
    for (const [path, value] of [...english, ...chinese]) {
      expect(typeof value, path).toBe('string');
      expect((value as string).trim().length, path).toBeGreaterThan(0);
    }
  });

  it('both languages use the same {{placeholders}} for each key', () => {
    const names = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [path, value] of english) expect(names(chinese.get(path)), path).toEqual(names(value));
  });
});
