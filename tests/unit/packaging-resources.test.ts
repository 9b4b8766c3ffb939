/**
 * resources/ (issue 19): the default policy says what a new archive really starts with, the icon
 * set is complete for every installer, and the printing fonts come with their licence.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveSettingsSchema } from '../../src-main/contract/settings';

const resources = join(__dirname, '..', '..', 'resources');

describe('resources/', () => {
  it('default-policy.json equals the settings a new archive starts with', () => {
    const { $comment, ...policy } = JSON.parse(readFileSync(join(resources, 'policy', 'default-policy.json'), 'utf8')) as Record<string, unknown>;
    expect(typeof $comment).toBe('string');
    expect(policy).toEqual(archiveSettingsSchema.parse({}));
  });

  it('holds the icons each installer needs (PNG set for Linux, ICO, ICNS) and no code', () => {
    const png = readFileSync(join(resources, 'icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1024);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(existsSync(join(resources, 'icons', `${size}x${size}.png`))).toBe(true);
    expect(readFileSync(join(resources, 'icon.ico')).readUInt16BE(0)).toBe(0); // ICONDIR reserved
    expect(readFileSync(join(resources, 'icon.icns')).subarray(0, 4).toString('ascii')).toBe('icns');
  });

  it('ships the Noto SC fonts for printing with the SIL Open Font License, every face in fonts.css present', () => {
    const css = readFileSync(join(resources, 'fonts', 'fonts.css'), 'utf8');
    expect(css).toMatch(/font-family: 'Noto Sans SC'/);
    expect(css).toMatch(/font-family: 'Noto Serif SC'/);
    const files = [...css.matchAll(/url\(\.\/([^)]+)\)/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(150);
    for (const file of files) expect(existsSync(join(resources, 'fonts', file)), file).toBe(true);
    expect(readFileSync(join(resources, 'fonts', 'OFL.txt'), 'utf8')).toMatch(/SIL OPEN FONT LICENSE Version 1\.1/);
  });
});
