/**
 * `triplicate settings get [KEY]` and `triplicate settings set KEY VALUE` (issue 18 point 4): the
 * archive's settings for administrators. Reading is `settings.read`, changing is `settings.update`
 * (administrators only, journaled with old and new values); a bad value is refused with the
 * setting's bounds in the person's language and changes nothing.
 */
import { ArchiveError } from '../../core/errors';
import { getSettings, updateSettings } from '../../core/settings/service';
import { parseSettingText, SETTING_KEYS } from '../../core/settings/validate';
import { UsageError } from '../usage';
import type { Command } from './types';

const sentences = {
  en: { needKey: 'settings set needs KEY VALUE, e.g. settings set reviewPeriodMonths 6', changed: '{{key}}: {{old}} → {{new}}', unchanged: '{{key}} is already {{value}}; nothing changed.' },
  'zh-CN': { needKey: 'settings set 需要 KEY VALUE，例如 settings set reviewPeriodMonths 6', changed: '{{key}}：{{old}} → {{new}}', unchanged: '{{key}} 已是 {{value}}，未做更改。' },
};

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => params[name] ?? whole);
}

export const settingsGetCommand: Command = {
  name: 'settings get',
  usage: { en: 'settings get --archive DIR --as LOGIN [KEY]   (every setting, or one)', 'zh-CN': 'settings get --archive 目录 --as 登录名 [设置项]（全部或其中一项）' },
  needs: 'unlocked',
  async run(ctx, session) {
    const [key, ...extra] = ctx.positionals;
    if (extra.length > 0) throw new UsageError(sentences[ctx.locale].needKey);
    if (key !== undefined && !(SETTING_KEYS as string[]).includes(key)) throw new ArchiveError('settings.unknownKey', { key, keys: SETTING_KEYS.join(', ') });
    const settings = await getSettings(session!);
    if (key !== undefined) return ctx.out(show(settings[key as keyof typeof settings]));
    if (ctx.values.json) return ctx.out(JSON.stringify(settings, null, 2));
    for (const name of SETTING_KEYS) ctx.out(`${name} = ${show(settings[name])}`);
  },
};

export const settingsSetCommand: Command = {
  name: 'settings set',
  usage: { en: 'settings set --archive DIR --as ADMIN KEY VALUE   (journaled with old and new value)', 'zh-CN': 'settings set --archive 目录 --as 管理员 设置项 值（旧值与新值记入日志）' },
  needs: 'unlocked',
  async run(ctx, session) {
    const t = sentences[ctx.locale];
    const [key, value, ...extra] = ctx.positionals;
    if (key === undefined || value === undefined || extra.length > 0) throw new UsageError(t.needKey);
    if (!(SETTING_KEYS as string[]).includes(key)) throw new ArchiveError('settings.unknownKey', { key, keys: SETTING_KEYS.join(', ') });
    const before = await getSettings(session!);
    const after = await updateSettings(session!, { [key]: parseSettingText(key, value) });
    const name = key as keyof typeof after;
    const [old, now] = [show(before[name]), show(after[name])];
    ctx.out(old === now ? fill(t.unchanged, { key, value: now }) : fill(t.changed, { key, old, new: now }));
  },
};

export const SETTINGS_COMMANDS: readonly Command[] = [settingsGetCommand, settingsSetCommand];
