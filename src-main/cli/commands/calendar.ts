/**
 * `triplicate calendar show|set`: the archive's working calendar (issue 17 point 3), which visit-report
 * deadlines count working days on. `set` replaces the lists it is given and keeps the others.
 */
import { interpolate } from '../../contract/messages';
import type { WorkingCalendar } from '../../contract/settings';
import { getSettings, updateSettings } from '../../core/settings/service';
import type { Command, CommandContext } from './types';

const sentences = {
  en: {
    weekend: 'Days off every week: {{days}}',
    holidays: 'Public holidays: {{dates}}',
    workdays: 'Make-up working days: {{dates}}',
    times: 'Visit reports due by {{report}}; supervisor comments by {{comment}} of the next working day.',
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    none: '(none)',
  },
  'zh-CN': {
    weekend: '每周休息日：{{days}}',
    holidays: '法定节假日：{{dates}}',
    workdays: '调休上班日：{{dates}}',
    times: '拜访表 {{report}} 前提交；主管于次一工作日 {{comment}} 前批示。',
    days: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
    none: '（无）',
  },
};

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
  usage: { en: 'calendar show --archive DIR --as LOGIN [--json]', 'zh-CN': 'calendar show --archive 目录 --as 登录名 [--json]' },
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
  usage: {
    en: 'calendar set --archive DIR --as ADMIN [--holiday YYYY-MM-DD]... [--workday YYYY-MM-DD]... [--weekend 0-6]... [--report-time HH:MM] [--comment-time HH:MM]',
    'zh-CN':
      'calendar set --archive 目录 --as 管理员 [--holiday 日期]... [--workday 调休日期]... [--weekend 0-6]... [--report-time 时:分] [--comment-time 时:分]',
  },
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
