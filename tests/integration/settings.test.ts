/**
 * The archive's settings (issue 18 point 4): administrators change them in the core and with
 * `triplicate settings get|set`; each change is journaled with its old and new value; a bad value
 * is refused in the person's language and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../../src-main/contract/messages';
import { ArchiveError } from '../../src-main/core/errors';
import type { Session } from '../../src-main/core/session';
import { getSettings, readSettings, updateSettings } from '../../src-main/core/settings/service';
import { ADMIN, lastEntries, makeArchive, type TestArchive } from '../helpers/archive';
import { runCli } from '../helpers/cli';
import { asPerson } from '../helpers/as-person';

const CUSTODIAN = { login: 'li.si', name: '李四', department: 'sales', rank: 'staff' as const, duties: ['custodian' as const], password: 'li-password-001' };

let archive: TestArchive;
beforeAll(async () => {
  archive = await makeArchive();
  await archive.addPerson(CUSTODIAN);
});
afterAll(() => archive.cleanup());

const asAdmin = <T>(body: (s: Session) => Promise<T>): Promise<T> => asPerson(archive, ADMIN, body);

async function refusal(attempt: Promise<unknown>): Promise<ArchiveError> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ArchiveError);
  return error as ArchiveError;
}

describe('administrators change the archive’s settings', () => {
  it('a change is journaled with the old and the new value of each setting changed', () =>
    asAdmin(async (s) => {
      const saved = await updateSettings(s, { reviewPeriodMonths: 6, maxLoanDays: 7, analystMinGroupSize: 8 });
      expect(saved).toMatchObject({ reviewPeriodMonths: 6, analystMinGroupSize: 8 });
      const entry = lastEntries(s, 1)[0]!;
      expect(entry).toMatchObject({ event: 'settings.update', outcome: 'ok', objectType: 'settings' });
      // maxLoanDays was already 7: not a change, so not listed.
      expect(JSON.parse(entry.details).changes).toEqual({ reviewPeriodMonths: { old: 3, new: 6 }, analystMinGroupSize: { old: 5, new: 8 } });
    }));

  it('an out-of-range value is refused with its bounds in both languages and changes nothing', () =>
    asAdmin(async (s) => {
      const before = readSettings(s.archive.db);
      const error = await refusal(updateSettings(s, { reviewPeriodMonths: 30 }));
      expect(error.code).toBe('settings.outOfRange');
      expect(error.params).toMatchObject({ key: 'reviewPeriodMonths', min: 1, max: 24 });
      expect(formatError({ code: error.code, params: error.params }, 'en')).toBe(
        'reviewPeriodMonths must be a whole number from 1 to 24; nothing was changed.',
      );
      expect(formatError({ code: error.code, params: error.params }, 'zh-CN')).toBe('reviewPeriodMonths 必须是 1 到 24 之间的整数；未做任何更改。');
      expect(readSettings(s.archive.db)).toEqual(before);
      expect(lastEntries(s, 1)[0]).toMatchObject({ event: 'settings.update', outcome: 'error', reason: 'settings.outOfRange' });
    }));

  it('an unknown setting, a non-boolean switch and an unknown time zone are refused by name', () =>
    asAdmin(async (s) => {
      expect((await refusal(updateSettings(s, { reviewEvery: 3 }))).code).toBe('settings.unknownKey');
      expect((await refusal(updateSettings(s, { standingAccess: 'yes' }))).code).toBe('settings.notBoolean');
      const zone = await refusal(updateSettings(s, { timeZone: 'Mars/Olympus' }));
      expect(zone.code).toBe('settings.badValue');
      expect(zone.params).toMatchObject({ key: 'timeZone' });
      expect((await refusal(updateSettings(s, { analystMinGroupSize: 1 }))).code).toBe('settings.outOfRange');
    }));

  it('someone who is not an administrator may read the settings but not change them', async () => {
    const s = await archive.unlock(CUSTODIAN.login, CUSTODIAN.password);
    try {
      expect((await getSettings(s)).reviewPeriodMonths).toBe(6);
      expect((await refusal(updateSettings(s, { reviewPeriodMonths: 2 }))).code).toBe('denied.notAdmin');
      expect(lastEntries(s, 1)[0]).toMatchObject({ event: 'settings.update', outcome: 'denied', reason: 'denied.notAdmin' });
    } finally {
      await s.lock();
    }
  });
});

describe('triplicate settings get|set', () => {
  const cli = (args: string[], password: string, lang = 'en') =>
    runCli([...args, '--archive', archive.folder, '--password-stdin', '--lang', lang], `${password}\n`, { TRIPLICATE_STATE_DIR: archive.stateDir });

  it('sets a value, says old → new, and reads it back', () => {
    const set = cli(['settings', 'set', '--as', ADMIN.login, 'reviewPeriodMonths', '4'], ADMIN.password);
    expect(set.stderr).toBe('');
    expect(set.status).toBe(0);
    expect(set.stdout.trim()).toBe('reviewPeriodMonths: 6 → 4');
    const get = cli(['settings', 'get', '--as', CUSTODIAN.login, 'reviewPeriodMonths'], CUSTODIAN.password);
    expect(get.status).toBe(0);
    expect(get.stdout.trim()).toBe('4');
    const all = cli(['settings', 'get', '--as', ADMIN.login], ADMIN.password);
    expect(all.stdout).toContain('analystMinGroupSize = 8');
    expect(all.stdout).toContain('retentionYears = {"A":10,"B":5,"C":3}');
    const switched = cli(['settings', 'set', '--as', ADMIN.login, 'allowCopyOut', 'on'], ADMIN.password);
    expect(switched.stdout.trim()).toBe('allowCopyOut: false → true');
    // Each CLI run is a process that unlocks the archive: slow on a loaded machine.
  }, 300_000);

  it('a bad value exits 1 with the setting’s bounds in the chosen language, and changes nothing', async () => {
    const bad = cli(['settings', 'set', '--as', ADMIN.login, 'maxLoanDays', '365'], ADMIN.password, 'zh-CN');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('maxLoanDays 必须是 1 到 90 之间的整数；未做任何更改。');
    const text = cli(['settings', 'set', '--as', ADMIN.login, 'maxLoanDays', 'seven'], ADMIN.password);
    expect(text.status).toBe(1);
    expect(text.stderr).toContain('maxLoanDays must be a whole number from 1 to 90');
    const refused = cli(['settings', 'set', '--as', CUSTODIAN.login, 'maxLoanDays', '9'], CUSTODIAN.password);
    expect(refused.status).toBe(1);
    expect(cli(['settings', 'set', '--as', ADMIN.login], ADMIN.password).status).toBe(2);
    await asAdmin(async (s) => expect(readSettings(s.archive.db).maxLoanDays).toBe(7));
  }, 300_000);
});
