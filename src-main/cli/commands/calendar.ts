/**
 * `triplicate calendar show|set`: the archive's working calendar (issue 17 point 3), which visit-report
 * deadlines count working days on. `set` replaces the lists it is given and keeps the others.
 */
import { interpolate } from '../../contract/messages';
import type { WorkingCalendar } from '../../contract/settings';
import { getSettings, updateSettings } from '../../core/settings/service';
import { commandSentences } from '../../contract/texts/cli-commands';
import { usageOf } from '../../contract/texts/cli-usage';
import type { Command, CommandContext } from './types';

const sentences = commandSentences('calendar');

function print(ctx: CommandContext, calendar: WorkingCalendar): void {
  if (ctx.values.json) return ctx.out(JSON.stringify(calendar, null, 2));
  const t = sentences[ctx.locale];
  const list = (items: string[]) => (items.length ? items.join(', ') : t.none);
  ctx.out(interpolate(t.weekend, { days: list(calendar.weekendDays.map((d) => t.days[d]!)) }));
  ctx.out(interpolate(t.holidays, { dates: list(calendar.holidays) }));
  ctx.out(interpolate(t.workdays, { dates: list(calendar.workdays) }));
  ctx.out(interpolate(t.times, { report: calendar.reportDueTime, comment: calendar.commentDueTime }));
}

export const calendarShowCommand: Command = {
  name: 'calendar show',
  options: { json: { type: 'boolean' } },
  usage: usageOf('calendar show'),
  needs: 'unlocked',
  async run(ctx, session) {
    print(ctx, (await getSettings(session!)).workingCalendar);
  },
};

const strings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.map(String) : undefined);

export const calendarSetCommand: Command = {
  name: 'calendar set',
  options: {
    holiday: { type: 'string', multiple: true },
    workday: { type: 'string', multiple: true },
    weekend: { type: 'string', multiple: true },
    'report-time': { type: 'string' },
    'comment-time': { type: 'string' },
    json: { type: 'boolean' },
  },
  usage: usageOf('calendar set'),
  needs: 'unlocked',
  async run(ctx, session) {
    const current = (await getSettings(session!)).workingCalendar;
    const weekend = strings(ctx.values.weekend);
    const next = {
      ...current,
      ...(strings(ctx.values.holiday) ? { holidays: strings(ctx.values.holiday) } : {}),
      ...(strings(ctx.values.workday) ? { workdays: strings(ctx.values.workday) } : {}),
      // Not a number: left as text so the core's schema refuses it with the field named.
      ...(weekend ? { weekendDays: weekend.map((d) => (/^\d+$/.test(d) ? Number(d) : d)) } : {}),
      ...(typeof ctx.values['report-time'] === 'string' ? { reportDueTime: ctx.values['report-time'] } : {}),
      ...(typeof ctx.values['comment-time'] === 'string' ? { commentDueTime: ctx.values['comment-time'] } : {}),
    };
    print(ctx, (await updateSettings(session!, { workingCalendar: next })).workingCalendar);
  },
};
