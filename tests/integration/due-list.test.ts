/**
 * The one due list (issue 17 point 8) with the contact cadence (point 1) and callbacks (point 2)
 * of seed 004, over a real encrypted archive on the test clock: each item's due time, the
 * contact record that takes it off, the journal entry of every read, compliance per account
 * manager for their department manager only, and `triplicate due` printing what due:list answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DueItem } from '../../src-main/contract/due';
import type { CadenceCompliance } from '../../src-main/contract/ipc-due';
import { listDue, cadenceCompliance } from '../../src-main/core/due/service';
import { createDossier, fileDossier, updateDossier } from '../../src-main/core/dossiers/service';
import { updateSettings } from '../../src-main/core/settings/service';
import { ADMIN, lastEntries, type TestArchive, type TestPerson } from '../helpers/archive';
import { runCli } from '../helpers/cli';
import { completeDossier, expectCode, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';
import { APP, ipcHarness, ok } from '../helpers/ipc';

let archive: TestArchive;
let number: string;

const DAY = 86_400_000;

async function dueAs(who: TestPerson): Promise<DueItem[]> {
  const s = await unlockAs(archive, who);
  try {
    return await listDue(s, {});
  } finally {
    await s.lock();
  }
}

beforeAll(async () => {
  archive = await makeDossierArchive();
  // Monday 5 January 2026, 17:00 in Shanghai.
  archive.clock.set('2026-01-05T09:00:00Z');
  const manager = await unlockAs(archive, PEOPLE.manager);
  const dossier = completeDossier();
  dossier.keyPersons = [
    { name: '李明', title: '总经理', contactClass: 'core', birthday: '1975-01-20' },
    { name: '王芳', title: '采购经理', contactClass: 'influencer' },
    { name: '赵强', title: '前台' },
  ];
  dossier.celebrations = [{ date: '2026-02-01', kind: 'opening', title: '新厂开业' }];
  number = (await createDossier(manager, dossier)).number;
  await manager.lock();
}, 300_000);
afterAll(() => archive.cleanup());

describe('seed 004: contact cadence and callbacks on the due list', () => {
  it('lists contacts due, the birthday callback 10 days ahead and the celebration callback 30 days ahead, by due time', async () => {
    // The manager's other due work (visit reports, plans, surveys: other sources) is not this test's.
    const items = (await dueAs(PEOPLE.manager)).filter((i) => i.kind === 'contact' || i.kind === 'callback');
    const view = items.map((i) => [i.kind, i.subject, i.dueAt, i.overdue]);
    expect(view).toEqual(
      [
        // 庆典活动的前30天: opening on 1 February → due 2 January (ends at midnight Shanghai): overdue now.
        ['callback', '新厂开业', '2026-01-02T16:00:00.000Z', true],
        // 核心大客户主要负责人每周沟通1-2次: due by the end of this week (Sunday 11 January).
        ['contact', '李明', '2026-01-11T16:00:00.000Z', false],
        // 生日或寿辰的前10天: birthday 20 January → due 10 January, shown a week before.
        ['callback', '李明', '2026-01-10T16:00:00.000Z', false],
        // 影响者每月至少沟通2次: due by the end of January.
        ['contact', '王芳', '2026-01-31T16:00:00.000Z', false],
      ].sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
    );
    // 赵强 has no cadence class: never on the list.
    expect(items.every((i) => i.subject !== '赵强')).toBe(true);
    expect(items.every((i) => i.dossierNumber === number)).toBe(true);
  });

  it('every due-list read leaves one journal entry with the counts', async () => {
    const s = await unlockAs(archive, PEOPLE.manager);
    try {
      const items = await listDue(s, {});
      const [entry] = lastEntries(s, 1);
      expect(entry!.event).toBe('due.list');
      expect(entry!.outcome).toBe('ok');
      expect(JSON.parse(entry!.details)).toMatchObject({
        items: items.length,
        overdue: items.filter((i) => i.overdue).length,
        kinds: { contact: 2, callback: 2 },
      });
      expect(items.filter((i) => (i.kind === 'contact' || i.kind === 'callback') && i.overdue)).toHaveLength(1);
    } finally {
      await s.lock();
    }
  });

  it("a contact record answering the birthday callback takes off both the callback and 李明's contact for the week", async () => {
    const before = await dueAs(PEOPLE.manager);
    const birthday = before.find((i) => i.kind === 'callback' && i.key.startsWith('birthday:'))!;
    const s = await unlockAs(archive, PEOPLE.manager);
    try {
      await updateDossier(s, { number, changes: {}, add: { contactRecords: [{ date: '2026-01-05', topic: '生日问候', answers: birthday.key }] } });
    } finally {
      await s.lock();
    }
    const after = await dueAs(PEOPLE.manager);
    expect(after.map((i) => i.key)).toEqual(before.filter((i) => i.key !== birthday.key && !(i.kind === 'contact' && i.subject === '李明')).map((i) => i.key));
  });

  it('a week without contact makes the core principal overdue; one influencer contact is not enough for a month', async () => {
    archive.clock.set('2026-01-20T02:00:00Z'); // Tuesday of the week after next
    const items = await dueAs(PEOPLE.manager);
    const li = items.find((i) => i.kind === 'contact' && i.subject === '李明')!;
    // The week of 12–18 January went by without a contact: overdue since its end.
    expect(li).toMatchObject({ overdue: true, dueAt: '2026-01-18T16:00:00.000Z' });
    const s = await unlockAs(archive, PEOPLE.manager);
    try {
      await updateDossier(s, { number, changes: {}, add: { contactRecords: [{ date: '2026-01-20', person: '王芳', topic: '需求沟通' }] } });
      expect((await listDue(s, {})).find((i) => i.subject === '王芳')).toMatchObject({ overdue: false, dueAt: '2026-01-31T16:00:00.000Z' });
      await updateDossier(s, { number, changes: {}, add: { contactRecords: [{ date: '2026-01-21', person: '王芳', topic: '报价' }] } });
      expect((await listDue(s, {})).find((i) => i.subject === '王芳')).toBeUndefined();
    } finally {
      await s.lock();
    }
  });

  it("the cadence numbers are the archive's settings: two contacts a week for core principals", async () => {
    const s = await unlockAs(archive, PEOPLE.manager);
    try {
      await updateDossier(s, { number, changes: {}, add: { contactRecords: [{ date: '2026-01-20', person: '李明' }] } });
      expect((await listDue(s, {})).find((i) => i.subject === '李明')).toBeUndefined();
    } finally {
      await s.lock();
    }
    const admin = await archive.unlock(ADMIN.login, ADMIN.password);
    try {
      await updateSettings(admin, { contactCadence: { corePerWeek: 2, influencerPerMonth: 2, nonCorePerMonth: 1 } });
    } finally {
      await admin.lock();
    }
    // One contact a week no longer meets it: overdue since the first week that had only one (5–11 January).
    expect((await dueAs(PEOPLE.manager)).find((i) => i.subject === '李明')).toMatchObject({
      kind: 'contact',
      overdue: true,
      dueAt: '2026-01-11T16:00:00.000Z',
    });
    const again = await unlockAs(archive, PEOPLE.manager);
    try {
      await updateDossier(again, { number, changes: {}, add: { contactRecords: [{ date: '2026-01-20', person: '李明', topic: '回访' }] } });
      expect((await listDue(again, {})).find((i) => i.subject === '李明')).toBeUndefined();
    } finally {
      await again.lock();
    }
  });

  it('a department manager sees compliance per account manager; an account manager is refused, and journaled', async () => {
    const dm = await unlockAs(archive, PEOPLE.deptManager);
    try {
      const report = await cadenceCompliance(dm, {});
      expect(report.department).toBe('key-accounts');
      expect(report.rows.map((r) => [r.manager.login, r.contactClass, r.keyPersons])).toEqual([
        [PEOPLE.manager.login, 'core', 1],
        [PEOPLE.manager.login, 'influencer', 1],
      ]);
      await expectCode(cadenceCompliance(dm, { department: 'sales' }), 'denied.notDepartmentManager');
    } finally {
      await dm.lock();
    }
    const am = await unlockAs(archive, PEOPLE.manager);
    try {
      await expectCode(cadenceCompliance(am, {}), 'denied.notDepartmentManager');
      expect(lastEntries(am, 1)[0]).toMatchObject({ event: 'due.compliance', outcome: 'denied', reason: 'denied.notDepartmentManager' });
    } finally {
      await am.lock();
    }
  });

  it('a filed dossier the manager may not read: the item does not name the key person, and recording from the list still counts', async () => {
    const collector = await unlockAs(archive, PEOPLE.collector);
    let filed: string;
    try {
      const d = completeDossier({ customerName: '杭州远景机械有限公司' });
      d.keyPersons = [{ name: '陈静', contactClass: 'nonCore' }];
      filed = (await createDossier(collector, d)).number;
      await fileDossier(collector, { number: filed });
    } finally {
      await collector.lock();
    }
    const item = (await dueAs(PEOPLE.manager)).find((i) => i.dossierNumber === filed && i.kind === 'contact')!;
    expect(item).toMatchObject({ kind: 'contact', subject: null });
    expect(item.key).not.toContain('陈静');
    const s = await unlockAs(archive, PEOPLE.manager);
    try {
      await updateDossier(s, { number: filed, changes: {}, add: { contactRecords: [{ date: '2026-01-20', answers: item.key }] } });
      expect((await listDue(s, {})).some((i) => i.dossierNumber === filed && i.kind === 'contact')).toBe(false);
    } finally {
      await s.lock();
    }
  });
});

describe('triplicate due', () => {
  it("prints the same items as the dashboard's due:list for the same person", async () => {
    // The command runs on the system clock: put the test clock there, with a birthday in the window.
    const now = new Date();
    archive.clock.set(now);
    const soon = new Date(now.getTime() + 12 * DAY).toISOString().slice(0, 10);
    const manager = await unlockAs(archive, PEOPLE.manager);
    try {
      const d = completeDossier({ customerName: '苏州星河电子有限公司' });
      d.keyPersons = [{ name: '周伟', contactClass: 'core', birthday: `1980-${soon.slice(5)}` }];
      await createDossier(manager, d);
    } finally {
      await manager.lock();
    }
    const harness = ipcHarness(archive);
    try {
      await harness.as(PEOPLE.manager);
      const dashboard = await ok<DueItem[]>(harness.router.handle('due:list', {}, APP));
      await harness.manager.lock('user');
      const cli = runCli(['due', '--archive', archive.folder, '--as', PEOPLE.manager.login, '--password-stdin', '--json'], `${PEOPLE.manager.password}\n`, {
        TRIPLICATE_STATE_DIR: archive.stateDir,
      });
      expect(cli.status, cli.stderr).toBe(0);
      expect(JSON.parse(cli.stdout)).toEqual(dashboard);
      expect(dashboard.some((i) => i.subject === '周伟' && i.kind === 'callback')).toBe(true);
      const text = runCli(
        ['due', '--archive', archive.folder, '--as', PEOPLE.manager.login, '--password-stdin', '--lang', 'zh-CN'],
        `${PEOPLE.manager.password}\n`,
        {
          TRIPLICATE_STATE_DIR: archive.stateDir,
        },
      );
      expect(text.status, text.stderr).toBe(0);
      const lines = text.stdout.trim().split('\n');
      expect(lines[0]).toBe('到期\t状态\t类型\t档案\t客户\t事项\t标识');
      expect(lines.slice(1).map((l) => l.split('\t').at(-1))).toEqual(dashboard.map((i) => i.key));
      expect(text.stdout).toContain('回访');
    } finally {
      await harness.manager.lock('quit');
    }
  });

  it('the compliance channel answers a department manager through IPC', async () => {
    const harness = ipcHarness(archive);
    try {
      await harness.as(PEOPLE.deptManager);
      const report = await ok<CadenceCompliance>(harness.router.handle('due:compliance', {}, APP));
      expect(report.rows.length).toBeGreaterThan(0);
    } finally {
      await harness.manager.lock('quit');
    }
  });
});
