/** `triplicate calendar show|set` (issue 17 point 3): the administrator's working calendar from the command line. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, makeArchive, type TestArchive } from '../helpers/archive';
import { runCli } from '../helpers/cli';

let archive: TestArchive;
beforeAll(async () => {
  archive = await makeArchive();
});
afterAll(() => archive.cleanup());

const as = (args: string[], env: Record<string, string> = {}) =>
  runCli([...args, '--archive', archive.folder, '--as', ADMIN.login, '--password-stdin'], `${ADMIN.password}\n`, {
    TRIPLICATE_STATE_DIR: archive.stateDir,
    ...env,
  });

describe('triplicate calendar', () => {
  it('sets holidays and make-up working days, and shows them in both languages', () => {
    const set = as(['calendar', 'set', '--holiday', '2026-10-01', '--holiday', '2026-10-02', '--workday', '2026-10-10', '--comment-time', '09:30']);
    expect(set.stderr).toBe('');
    expect(set.status).toBe(0);
    expect(set.stdout).toContain('Public holidays: 2026-10-01, 2026-10-02');
    expect(set.stdout).toContain('Make-up working days: 2026-10-10');
    expect(set.stdout).toContain('by 09:30 of the next working day');
    const shown = as(['calendar', 'show', '--lang', 'zh-CN']);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('每周休息日：星期日, 星期六');
    expect(shown.stdout).toContain('调休上班日：2026-10-10');
    expect(JSON.parse(as(['calendar', 'show', '--json']).stdout)).toMatchObject({ holidays: ['2026-10-01', '2026-10-02'], commentDueTime: '09:30' });
  });

  it('refuses a malformed date with the field named and changes nothing', () => {
    const bad = as(['calendar', 'set', '--holiday', '2026-13']);
    expect(bad.status).toBe(1);
    // The field is named (settings validation: "workingCalendar: holidays.0: …").
    expect(bad.stderr).toMatch(/workingCalendar\b.*\bholidays\b/);
    expect(JSON.parse(as(['calendar', 'show', '--json']).stdout).holidays).toEqual(['2026-10-01', '2026-10-02']);
  });
});
