/**
 * `triplicate settings get [KEY]` and `triplicate settings set KEY VALUE` (issue 18 point 4): the
 * archive's settings for administrators. Reading is `settings.read`, changing is `settings.update`
 * (administrators only, journaled with old and new values); a bad value is refused with the
 * setting's bounds in the person's language and changes nothing.
 */
import type { Locale } from '../../contract/messages';
import type { ArchiveSettings } from '../../contract/settings';
import { ArchiveError } from '../../core/errors';
import { getSettings, updateSettings } from '../../core/settings/service';
import { parseSettingText, SETTING_KEYS } from '../../core/settings/validate';
import { UsageError } from '../usage';
import { commandSentences } from '../../contract/texts/cli-commands';
import { usageOf } from '../../contract/texts/cli-usage';
import type { Command } from './types';

const sentences = commandSentences('settings');

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => params[name] ?? whole);
}

export const settingsGetCommand: Command = {
  name: 'settings get',
  usage: usageOf('settings get'),
  needs: 'unlocked',
  async run(ctx, session) {
    const key = settingsGetKey(ctx.positionals, ctx.locale);
    printSettings(await getSettings(session!), key, ctx.values.json === true, ctx.out);
  },
};

export const settingsSetCommand: Command = {
  name: 'settings set',
  usage: usageOf('settings set'),
  needs: 'unlocked',
  async run(ctx, session) {
    const change = settingsSetChange(ctx.positionals, ctx.locale);
    const before = await getSettings(session!);
    const after = await updateSettings(session!, change.update);
    ctx.out(settingChangeLine(ctx.locale, change.key, before, after));
  },
};

// Shared with the CLI against an archive server (cli/remote.ts): same checks, same output.

/** `settings get [KEY]`: the key asked for, checked; undefined for every setting. */
export function settingsGetKey(positionals: string[], locale: Locale): keyof ArchiveSettings | undefined {
  const [key, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(sentences[locale].needKey);
  if (key !== undefined && !(SETTING_KEYS as string[]).includes(key)) throw new ArchiveError('settings.unknownKey', { key, keys: SETTING_KEYS.join(', ') });
  return key as keyof ArchiveSettings | undefined;
}

export function printSettings(settings: ArchiveSettings, key: keyof ArchiveSettings | undefined, json: boolean, out: (line: string) => void): void {
  if (key !== undefined) return out(show(settings[key]));
  if (json) return out(JSON.stringify(settings, null, 2));
  for (const name of SETTING_KEYS) out(`${name} = ${show(settings[name])}`);
}

/** `settings set KEY VALUE`: the key and the update, checked and parsed before anything is sent. */
export function settingsSetChange(positionals: string[], locale: Locale): { key: keyof ArchiveSettings; update: Record<string, unknown> } {
  const [key, value, ...extra] = positionals;
  if (key === undefined || value === undefined || extra.length > 0) throw new UsageError(sentences[locale].needKey);
  if (!(SETTING_KEYS as string[]).includes(key)) throw new ArchiveError('settings.unknownKey', { key, keys: SETTING_KEYS.join(', ') });
  return { key: key as keyof ArchiveSettings, update: { [key]: parseSettingText(key, value) } };
}

export function settingChangeLine(locale: Locale, key: keyof ArchiveSettings, before: ArchiveSettings, after: ArchiveSettings): string {
  const [old, now] = [show(before[key]), show(after[key])];
  return old === now ? fill(sentences[locale].unchanged, { key, value: now }) : fill(sentences[locale].changed, { key, old, new: now });
}

export const SETTINGS_COMMANDS: readonly Command[] = [settingsGetCommand, settingsSetCommand];
