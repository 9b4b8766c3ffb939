/**
 * `triplicate lead …` against a real archive: the same rules, policy and journal as the app, with
 * the refusal in the person's language and the published list as CSV for Excel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayIn, publicationPeriod } from '../../src-main/core/leads/calendar';
import { lastEntries, type TestArchive } from '../helpers/archive';
import { runCli } from '../helpers/cli';
import { makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';

let archive: TestArchive;

const cli = (args: string[], who: { login: string; password: string }, lang = 'en') =>
  runCli([...args, '--archive', archive.folder, '--as', who.login, '--password-stdin', '--lang', lang], `${who.password}\n`, {
    TRIPLICATE_STATE_DIR: archive.stateDir,
  });

beforeAll(async () => {
  archive = await makeDossierArchive();
}, 300_000);
afterAll(() => archive.cleanup());

const report = ['lead', 'report', '--customer', '宿州市公共交通集团', '--need', '新能源公交', '--quantity', '30', '--sector', 'enterprise'];

describe('leads from the command line', () => {
  it('missing third-party contact refused (exit 1, Chinese sentence, journaled); then reported, checked and published', async () => {
    const refused = cli(report, PEOPLE.staff, 'zh-CN');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('第三方的联系人及联系方式不可缺少');
    const ok = cli([...report, '--contact', '钱主任', '--contact-details', '0557-300-0000', '--json'], PEOPLE.staff);
    expect(ok.status, ok.stderr).toBe(0);
    const lead = JSON.parse(ok.stdout) as { id: number; state: string };
    expect(lead.state).toBe('pending');

    const usage = cli(['lead', 'check', '--id', String(lead.id)], PEOPLE.manager);
    expect(usage.status).toBe(2);
    const checked = cli(['lead', 'check', '--id', String(lead.id), '--valid', '--expires', '2099-12-31'], PEOPLE.manager);
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toContain('valid');

    // The CLI runs on the real clock: the list that will cover today is the next publication day.
    let next = dayIn(new Date(), 'Asia/Shanghai');
    while (publicationPeriod(next).publishedOn !== next) next = addDays(next, 1);
    const csv = cli(['lead', 'publication', '--csv', '--date', next], PEOPLE.collector);
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    expect(csv.stdout).toContain(`"${PEOPLE.staff.name}(${PEOPLE.staff.login})","sales","1","0","0","1","0"`);

    const session = await unlockAs(archive, PEOPLE.manager);
    try {
      const events = session.archive.db.prepare("SELECT event, outcome, reason FROM journal WHERE event LIKE 'lead.%' ORDER BY seq").all();
      expect(events).toEqual([
        { event: 'lead.report', outcome: 'error', reason: 'lead.contactMissing' },
        { event: 'lead.report', outcome: 'ok', reason: null },
        { event: 'lead.check', outcome: 'ok', reason: null },
        { event: 'lead.publication', outcome: 'ok', reason: null },
      ]);
      expect(lastEntries(session)[0]!.event).toBe('session.unlock');
    } finally {
      await session.lock();
    }
  });
});
