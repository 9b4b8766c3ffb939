/**
 * A few months of life in the demo archive (issue 18 point 5), made through the core's own
 * operations on a clock that walks from the start of the history to today, so every journal entry
 * is real and in order: leads in every state, borrow cards and loans in every state (on time,
 * overdue, returned, returned late, recalled, lost with an incident and an integrity mark, queued
 * behind a loan, waiting, rejected), an offline package issued and one returned, contact records
 * over the months, a maintenance plan, and key persons whose birthdays come in the next weeks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ManualClock } from '../../core/clock';
import { updateDossier } from '../../core/dossiers/service';
import { checkLead, leadToDossier, mergeLeads, openProject, recordDelivery, reportLead } from '../../core/leads/service';
import { readDossier } from '../../core/loans/reading';
import { approveCard, fileCard, recallLoan, recordLoanLost, rejectCard, returnLoan } from '../../core/loans/service';
import { issuePackage, returnPackage } from '../../core/offline/service';
import { savePlan } from '../../core/plans/service';
import type { Session } from '../../core/session';

const DAY = 86_400_000;

export interface HistoryInput {
  clock: ManualClock;
  /** When the history starts (the archive was made then) and ends (now). */
  start: Date;
  end: Date;
  /** Unlocks as someone on the history's clock; the caller's one-opener rule holds, so one at a time. */
  as: (login: string) => Promise<Session>;
  /** Filed dossiers that are not 机密 (one approval each), none with a lost copy. */
  lendable: string[];
  /** Filed dossiers the first collector writes (contact records, key persons, the plan). */
  collected: string[];
  log: (line: string) => void;
}

export interface HistoryReport {
  leads: number;
  cards: number;
  packagesIssued: number;
  packagesReturned: number;
  contactRecords: number;
  birthdays: number;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function buildHistory(h: HistoryInput): Promise<HistoryReport> {
  const report: HistoryReport = { leads: 0, cards: 0, packagesIssued: 0, packagesReturned: 0, contactRecords: 0, birthdays: 0 };
  const at = (days: number) => h.clock.set(new Date(h.start.getTime() + days * DAY + 2 * 3_600_000));
  const tick = () => h.clock.advance(7 * 60_000);
  const with_ = async (login: string, body: (s: Session) => Promise<void>) => {
    const s = await h.as(login);
    try {
      await body(s);
    } finally {
      await s.lock();
    }
  };
  const need = (i: number) => {
    const n = h.lendable[i];
    if (!n) throw new Error(`the demo needs at least ${i + 1} lendable dossiers`);
    return n;
  };
  const card = (copyNumber: string, periodDays: number, form: 'in-app' | 'printed' | 'offline' = 'in-app') => ({
    copyNumber,
    purpose: '续约谈判准备',
    form,
    periodDays,
    readingPlace: '总部档案室',
    acknowledgeNoPublicReading: true as const,
  });
  const lead = (customerName: string, quantity: number, extra: Record<string, unknown> = {}) => ({
    customerName,
    need: '公务及业务用车更新',
    quantity,
    sector: 'enterprise',
    contactPerson: '何联络',
    contactDetails: '0551-6388-0000',
    ...extra,
  });
  const packages = mkdtempSync(join(tmpdir(), 'triplicate-demo-packages-'));
  const cards: Record<string, string> = {};
  const leads: Record<string, number> = {};
  try {
    // Day 1: leads come in; an account manager asks for five copies.
    at(1);
    await with_('staff1', async (s) => {
      for (const [key, l] of [
        ['toDossier', lead('合肥市公共交通集团有限公司', 40, { creditCode: '91340100MA2DEMO01X', sector: 'enterprise' })],
        ['expires', lead('六安市政府采购中心', 12, { sector: 'government' })],
        ['invalid', lead('淮北市驾驶员培训学校', 6, { sector: 'driving-school' })],
        ['small', lead('铜陵市某小型租赁公司', 2, { sector: 'leasing' })],
        ['dupByName', lead('合肥市公共交通集团 有限公司', 40)],
      ] as const) {
        leads[key] = (await reportLead(s, l)).id;
        tick();
      }
    });
    await with_('am3', async (s) => {
      leads.project = (await reportLead(s, lead('安庆市出租汽车公司', 20, { sector: 'taxi' }))).id;
      leads.valid = (await reportLead(s, lead('马鞍山钢铁物流有限公司', 15))).id;
      leads.overdue = (await reportLead(s, lead('滁州市公安局', 8, { sector: 'public-security' }))).id;
      leads.merge = (await reportLead(s, lead('六安政府采购中心（市级）', 12, { sector: 'government' }))).id;
      for (const [key, i, period, form] of [
        ['onTimeReturned', 0, 7, 'in-app'],
        ['returnedLate', 1, 3, 'printed'],
        ['recalled', 2, 7, 'in-app'],
        ['lost', 3, 7, 'printed'],
        ['offlineReturned', 4, 7, 'offline'],
      ] as const) {
        cards[key] = (await fileCard(s, card(`${need(i)}-S`, period, form))).card;
        tick();
      }
    });
    // Day 2: the custodian approves; the key-account department checks the leads.
    at(2);
    await with_('cust.s', async (s) => {
      for (const key of ['onTimeReturned', 'returnedLate', 'recalled', 'lost', 'offlineReturned']) {
        await approveCard(s, { card: cards[key]! });
        tick();
      }
    });
    await with_('am1', async (s) => {
      const far = day(new Date(h.end.getTime() + 90 * DAY));
      await checkLead(s, { id: leads.toDossier!, verdict: 'valid', expiresOn: far });
      await checkLead(s, { id: leads.expires!, verdict: 'valid', expiresOn: day(new Date(h.start.getTime() + 40 * DAY)) });
      await checkLead(s, { id: leads.invalid!, verdict: 'invalid', reason: '该驾校已于上月与竞争对手签约' });
      await checkLead(s, { id: leads.project!, verdict: 'valid', expiresOn: far });
      await checkLead(s, { id: leads.valid!, verdict: 'valid', expiresOn: far });
      await mergeLeads(s, { id: leads.merge!, with: leads.expires! });
      await openProject(s, { id: leads.project! });
      await openProject(s, { id: leads.toDossier! });
      await recordDelivery(s, { id: leads.project!, quantity: 8, deliveredOn: day(new Date(h.start.getTime() + 2 * DAY)) });
      await leadToDossier(s, { id: leads.toDossier! });
    });
    const returned = join(packages, 'returned.tpkg');
    await with_('am3', async (s) => {
      await issuePackage(s, { card: cards.offlineReturned!, passphrase: 'demo-package-passphrase', out: returned });
      report.packagesIssued++;
    });
    at(4);
    await with_('am3', (s) => returnLoan(s, { card: cards.onTimeReturned! }).then(() => undefined));
    at(6);
    await with_('am3', (s) => returnLoan(s, { card: cards.returnedLate! }).then(() => undefined));
    await with_('cust.s', async (s) => {
      await returnPackage(s, { file: returned, card: cards.offlineReturned! });
      report.packagesReturned++;
      tick();
      await recallLoan(s, { card: cards.recalled!, reason: '审计抽查需要调回' });
      tick();
      await recordLoanLost(s, { card: cards.lost!, description: '出差途中遗失打印件，已报部门经理' });
    });

    // Contact records over the months (沟通记录), by the collector who keeps these customers.
    for (const [month, d] of [30, 60, 90].entries()) {
      at(d);
      await with_('col1', async (s) => {
        for (const number of h.collected.slice(month * 3, month * 3 + 6)) {
          await updateDossier(s, {
            number,
            changes: {},
            add: {
              contactRecords: [
                {
                  date: day(h.clock.now()),
                  person: '采购部王经理',
                  topic: '季度回访',
                  content: '了解明年采购计划',
                  result: '客户有意扩大合作',
                  nextStep: '下月拜访',
                },
              ],
            },
          });
          report.contactRecords++;
          tick();
        }
      });
    }

    // Later loans: one overdue, one queue of two behind an active loan, one on time, one offline package out.
    at(100);
    await with_('am4', async (s) => {
      cards.overdue = (await fileCard(s, card(`${need(5)}-S`, 5))).card;
    });
    await with_('cust.s', (s) => approveCard(s, { card: cards.overdue! }).then(() => undefined));
    at(116);
    await with_('am4', async (s) => {
      cards.offlineOut = (await fileCard(s, card(`${need(6)}-S`, 7, 'offline'))).card;
      cards.held = (await fileCard(s, card(`${need(7)}-S`, 7))).card;
    });
    await with_('cust.s', async (s) => {
      await approveCard(s, { card: cards.offlineOut! });
      await approveCard(s, { card: cards.held! });
    });
    await with_('am4', async (s) => {
      const out = join(packages, 'out.tpkg');
      await issuePackage(s, { card: cards.offlineOut!, passphrase: 'demo-package-passphrase', out });
      report.packagesIssued++;
    });
    at(117);
    await with_('dm.sales', async (s) => {
      cards.queued1 = (await fileCard(s, card(`${need(7)}-S`, 5))).card;
    });
    await with_('am1', async (s) => {
      cards.queued2 = (await fileCard(s, card(`${need(7)}-S`, 3))).card;
      cards.submitted = (await fileCard(s, card(`${need(8)}-C`, 5))).card;
    });
    await with_('am3', async (s) => {
      cards.onTime = (await fileCard(s, card(`${need(9)}-S`, 7))).card;
      cards.rejected = (await fileCard(s, card(`${need(10)}-S`, 7))).card;
    });
    await with_('cust.s', async (s) => {
      await approveCard(s, { card: cards.onTime! });
      // Approved while the copy is out: they wait in its holds queue, in filing order.
      await approveCard(s, { card: cards.queued1! });
      await approveCard(s, { card: cards.queued2! });
      await rejectCard(s, { card: cards.rejected!, reason: '借阅目的与该客户无关' });
    });

    // An evening read of the loan on time, and a colleague refused the same copy's content: the
    // auditors' chart of refusals and after-hours reads (21:30 UTC is outside 09:00–18:00 in UTC and Beijing time).
    at(118);
    h.clock.advance(19.5 * 3_600_000);
    await with_('am3', (s) => readDossier(s, { card: cards.onTime!, sections: ['basic'] }).then(() => undefined));
    await with_('staff1', (s) =>
      readDossier(s, { card: cards.onTime!, sections: ['basic'] }).then(
        () => {
          throw new Error('the demo expected this read to be refused');
        },
        () => undefined,
      ),
    );

    // The last days: a fresh lead, key persons with birthdays in the coming weeks, this year's plan.
    at(119);
    await with_('staff1', async (s) => {
      leads.pending = (await reportLead(s, lead('宣城市城市管理局', 5, { sector: 'government' }))).id;
    });
    await with_('col1', async (s) => {
      for (const [i, number] of h.collected.slice(0, 6).entries()) {
        const birthday = new Date(h.end.getTime() + (i + 1) * 5 * DAY);
        await updateDossier(s, {
          number,
          changes: {},
          add: {
            keyPersons: [{ name: ['周敏', '吴刚', '郑丽', '冯涛', '陈静', '褚明'][i]!, title: '采购总监', birthday: `${1970 + i}-${day(birthday).slice(5)}` }],
          },
        });
        report.birthdays++;
        tick();
      }
    });
    // This year's maintenance plan, written and filed by the customer's responsible account manager (seed 000 第十条).
    const planned = h.collected[0]!;
    const writer = await h.as('col1').then(async (s) => {
      try {
        const row = s.archive.db
          .prepare('SELECT p.login FROM dossiers d JOIN people p ON p.id = d.responsible_id WHERE d.archive_number = ?')
          .pluck()
          .get(planned) as string | undefined;
        return row ?? null;
      } finally {
        await s.lock();
      }
    });
    if (writer) {
      await with_(writer, async (s) => {
        await savePlan(s, {
          number: planned,
          year: h.end.getUTCFullYear(),
          file: true,
          parts: {
            summary: '巩固现有合作，拓展新产品线',
            profile: '区域龙头制造企业，年采购稳定',
            competition: '两家本地竞争者报价更低，服务响应较慢',
            assessment: '合作稳定，续约意向明确',
            actions: '每季度拜访一次；年内签订续约合同',
          },
        });
        tick();
      });
    }
    h.clock.set(h.end);
    report.leads = Object.keys(leads).length;
    report.cards = Object.keys(cards).length;
    h.log(`history: ${report.leads} leads, ${report.cards} cards, ${report.contactRecords} contact records`);
    return report;
  } finally {
    rmSync(packages, { recursive: true, force: true });
  }
}
