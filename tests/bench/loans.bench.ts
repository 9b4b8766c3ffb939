/**
 * Borrowing's figure (issue 5):
 * - loan_check_us: the per-read decision a content read takes before it shows anything — refresh
 *   the actor, find the dossier, ask hasActiveLoan at this moment (rule 4) and the standing-access
 *   setting, then `can(actor, 'dossier.open')` — median over 5,000 reads, with 20,000 finished
 *   loans of the same borrower and dossier in the table so the index has to do its job.
 *
 * Runnable alone: node -r tsx/cjs tests/bench/loans.bench.ts
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import { factsFor, requireDossier } from '../../src-main/core/dossiers/context';
import { approveCard, fileCard } from '../../src-main/core/loans/service';
import { findPersonById, toActor } from '../../src-main/core/people/repository';
import { can } from '../../src-main/core/policy';
import { makeArchive } from '../helpers/archive';
import { median, percentile, report } from './report';

async function main(): Promise<void> {
  const archive = await makeArchive();
  const people = [
    {
      login: 'wang.cai',
      name: '王采',
      department: 'customer-service',
      rank: 'staff' as const,
      duties: ['collector' as const],
      password: 'wang.cai-password-1',
    },
    { login: 'zhang.jl', name: '张经理', department: 'key-accounts', rank: 'account-manager' as const, password: 'zhang.jl-password-1' },
    { login: 'sun.bg', name: '孙保管', department: 'sales', rank: 'staff' as const, duties: ['custodian' as const], password: 'sun.bg-password-1' },
  ];
  for (const p of people) await archive.addPerson(p);
  const collector = await archive.unlock('wang.cai', 'wang.cai-password-1');
  const borrower = await archive.unlock('zhang.jl', 'zhang.jl-password-1');
  const custodian = await archive.unlock('sun.bg', 'sun.bg-password-1');
  try {
    const draft = await createDossier(collector, {
      basic: {
        customerName: '上海华为电子科技有限公司',
        legalRepresentative: '任正',
        address: '上海市浦东新区张江路 88 号',
        phone: '021-5555-0101',
        industry: '电子制造',
        sourceChannel: 'exhibitions',
      },
      classification: { grade: 'A', secrecy: 'secret', lifecycle: 'maintained', responsibleManager: 'zhang.jl' },
      keyPersons: [{ name: '李明', title: '采购总监', purchaseRole: '决策者', phone: '138-0000-0001' }],
    });
    await fileDossier(collector, { number: draft.number });
    const db = borrower.archive.db;
    // History: many finished loans of the same borrower and dossier.
    const dossierId = requireDossier(db, draft.number).id;
    const copyId = (db.prepare('SELECT id FROM dossier_copies WHERE copy_number = ?').get(`${draft.number}-S`) as { id: number }).id;
    const insert = db.prepare(
      `INSERT INTO loans (card_number, dossier_id, copy_id, borrower_id, department, purpose, form, period_days, reading_place, acknowledged,
         needs_second, state, submitted_at, starts_at, due_at, ended_at)
       VALUES (?, ?, ?, ?, 'sales', 'bench', 'in-app', 7, 'office', 1, 0, 'returned', ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) {
        const at = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString();
        insert.run(`JY-2019-${String(i).padStart(5, '0')}`, dossierId, copyId, borrower.actor.id, at, at, at, at);
      }
    })();
    const { card } = await fileCard(borrower, {
      copyNumber: `${draft.number}-S`,
      purpose: '基准测试',
      form: 'in-app',
      periodDays: 7,
      readingPlace: '档案阅览室',
      acknowledgeNoPublicReading: true,
    });
    await approveCard(custodian, { card });

    // Exactly what Session.perform + openDossier do before the body runs.
    const decide = (): boolean => {
      const actor = toActor(findPersonById(db, borrower.actor.id)!);
      const dossier = requireDossier(db, draft.number);
      return can(actor, 'dossier.open', { dossier: factsFor(borrower, dossier, true) }).allowed;
    };
    if (!decide()) throw new Error('the loan should be active');
    for (let i = 0; i < 500; i++) decide();
    const times: number[] = [];
    for (let i = 0; i < 5_000; i++) {
      const start = process.hrtime.bigint();
      decide();
      times.push(Number(process.hrtime.bigint() - start) / 1000);
    }
    process.stderr.write(`loan_check_us p95=${percentile(times, 95).toFixed(1)} p99=${percentile(times, 99).toFixed(1)} over ${times.length} reads\n`);
    report('loan_check_us', median(times), 'us', 200);
  } finally {
    for (const s of [collector, borrower, custodian]) await s.lock();
    rmSync(dirname(archive.folder), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
