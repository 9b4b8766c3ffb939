/**
 * Surveys, complaints and re-grading from the command line (issue 17 points 5–7): the same policy
 * and journal as the app, messages in both languages, lists that scripts can read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import { lastEntries, type TestArchive } from '../helpers/archive';
import { runCli } from '../helpers/cli';
import { completeDossier, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';

let archive: TestArchive;
let number: string;

const cli = (args: string[], who: { login: string; password: string }, lang = 'en') =>
  runCli([...args, '--archive', archive.folder, '--as', who.login, '--password-stdin', '--lang', lang], `${who.password}\n`, {
    TRIPLICATE_STATE_DIR: archive.stateDir,
  });

beforeAll(async () => {
  archive = await makeDossierArchive();
  const collector = await unlockAs(archive, PEOPLE.collector);
  number = (await createDossier(collector, completeDossier())).number;
  await fileDossier(collector, { number });
  await collector.lock();
}, 300_000);
afterAll(() => archive.cleanup());

describe('relationship work from the command line', () => {
  it('a complaint is recorded, listed with its deadlines and moved on, in both languages', () => {
    const made = cli(['complaint', 'record', '--number', number, '--subject', '交货延迟', '--content', '货物晚到五天'], PEOPLE.collector, 'zh-CN');
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/已受理投诉 \d+：须在 .+ 前首次响应/);
    const id = made.stdout.match(/投诉 (\d+)/)![1]!;
    const listed = cli(['complaint', 'list', '--open', '--json'], PEOPLE.manager);
    expect(listed.status, listed.stderr).toBe(0);
    const rows = JSON.parse(listed.stdout) as { id: number; state: string; owner: { login: string } }[];
    expect(rows).toEqual([expect.objectContaining({ id: Number(id), state: 'received', owner: expect.objectContaining({ login: PEOPLE.manager.login }) })]);
    const responded = cli(['complaint', 'respond', '--id', id, '--text', '已致电说明'], PEOPLE.manager);
    expect(responded.status, responded.stderr).toBe(0);
    expect(responded.stdout).toContain(`Complaint ${id} is now responded.`);
    const early = cli(['complaint', 'close', '--id', id], PEOPLE.manager);
    expect(early.status).toBe(1);
    expect(early.stderr).toContain('received → responded → solved → closed');
  });

  it('someone without a business duty for the customer is refused (exit 1, journaled)', async () => {
    const refused = cli(['complaint', 'record', '--number', number, '--subject', 's', '--content', 'c'], PEOPLE.otherManager, 'zh-CN');
    expect(refused.status).toBe(1);
    expect(refused.stderr.length).toBeGreaterThan(0);
    const session = await unlockAs(archive, PEOPLE.otherManager);
    try {
      const entries = lastEntries(session, 3).filter((e) => e.event === 'complaint.record');
      expect(entries.at(-1)).toMatchObject({ outcome: 'denied', reason: 'denied.notWriter' });
    } finally {
      await session.lock();
    }
  });

  it('the half-yearly survey, the register, satisfaction follow-ups and re-grading', () => {
    const surveyed = cli(['survey', 'record', '--number', number, '--changes', '联系人变更', '--grade', 'B'], PEOPLE.manager);
    expect(surveyed.status, surveyed.stderr).toBe(0);
    expect(surveyed.stdout).toMatch(/Survey of .+ recorded; the dossier is now at revision \d+\./);
    const register = cli(['survey', 'register'], PEOPLE.custodianC, 'zh-CN');
    expect(register.status, register.stderr).toBe(0);
    expect(register.stdout.split('\n')[0]).toContain('档案编号');
    expect(register.stdout).toContain(`${number}\t`);
    expect(register.stdout).toContain('已调查');
    const sat = cli(['satisfaction', 'record', '--number', number, '--item', '质量=5', '--item', '交期=2=经常延迟'], PEOPLE.collector);
    expect(sat.status, sat.stderr).toBe(0);
    expect(sat.stdout).toContain('1 follow-up(s) opened');
    const follow = cli(['followup', 'list', '--open'], PEOPLE.manager);
    expect(follow.stdout).toContain('交期');
    const bad = cli(['regrade', 'record', '--number', number, '--value', '9', '--potential', '1', '--stability', '1', '--grade', 'C'], PEOPLE.manager);
    expect(bad.status).toBe(2);
    const regraded = cli(
      ['regrade', 'record', '--number', number, '--value', '5', '--potential', '4', '--stability', '4', '--grade', 'A'],
      PEOPLE.manager,
      'zh-CN',
    );
    expect(regraded.status, regraded.stderr).toBe(0);
    expect(regraded.stdout).toContain('B → A');
  });
});
