/**
 * Checks a settings change key by key, so a refusal names the setting and its bounds in the
 * person's language (settings.outOfRange and friends) instead of a schema's English sentence.
 * The bounds are read from the schema itself: one source for the limits.
 */
import { z } from 'zod';
import { archiveSettingsSchema, settingsUpdateSchema, type SettingsUpdate } from '../../contract/settings';
import { ArchiveError } from '../errors';
import { parseInput } from '../validate';

export const SETTING_KEYS = Object.keys(archiveSettingsSchema.shape) as (keyof typeof archiveSettingsSchema.shape)[];

function inner(key: string): z.ZodType | undefined {
  const field = (archiveSettingsSchema.shape as Record<string, z.ZodType>)[key];
  return field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
}

/** What a change may give for the key: for an object setting, some of its fields. */
function updateInner(key: string): z.ZodType | undefined {
  const field = ((settingsUpdateSchema as unknown as z.ZodObject).shape as Record<string, z.ZodType>)[key];
  return field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType) : field;
}

/** The change, validated; the first bad key is refused with a message naming it. */
export function checkSettingsUpdate(raw: unknown): SettingsUpdate {
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      const schema = updateInner(key);
      if (!schema) throw new ArchiveError('settings.unknownKey', { key, keys: SETTING_KEYS.join(', ') });
      if (value === undefined || schema.safeParse(value).success) continue;
      if (schema instanceof z.ZodNumber) throw new ArchiveError('settings.outOfRange', { key, min: schema.minValue ?? 0, max: schema.maxValue ?? 0 });
      if (schema instanceof z.ZodBoolean) throw new ArchiveError('settings.notBoolean', { key });
      const issue = schema.safeParse(value).error?.issues[0];
      throw new ArchiveError('settings.badValue', { key, detail: issue ? `${issue.path.join('.') || key}: ${issue.message}` : 'invalid' });
    }
  }
  return parseInput(settingsUpdateSchema, raw);
}

/**
 * A value typed on the command line, as the setting's type wants it: numbers, on/off, JSON for
 * objects (retentionYears), text otherwise. Anything that does not parse stays text and is refused
 * by `checkSettingsUpdate` with the setting's own message.
 */
export function parseSettingText(key: string, text: string): unknown {
  const schema = inner(key);
  if (schema instanceof z.ZodNumber) return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
  if (schema instanceof z.ZodBoolean) {
    const t = text.trim().toLowerCase();
    if (['true', 'on', 'yes', '1', '开'].includes(t)) return true;
    if (['false', 'off', 'no', '0', '关'].includes(t)) return false;
    return text;
  }
  if (schema instanceof z.ZodObject) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
