/**
 * The offline reader's figure (issue 15):
 * - offline_open_s: passphrase to the first section ready to render, as the app's reader does it
 *   (app/reader-host.ts: read and verify the package, argon2id at the archive's calibrated cost
 *   of about 0.5 s, verify the reading log, check due time and revocations, log the open,
 *   decrypt; then the first tab: check, log the view, decrypt, pick the section) for a package
 *   of a dossier with 50 key persons and 500 contact records. Measured to the section's data in
 *   main, not to pixels: the screen adds the renderer's IPC hop and one React render of one tab,
 *   which the reading view shares with online loans. Median of 5 opens.
 *
 * Runnable alone: node -r tsx/cjs tests/bench/offline-open.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReaderHost } from '../../src-main/app/reader-host';
import type { NewDossier } from '../../src-main/contract/dossiers';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import { approveCard, fileCard } from '../../src-main/core/loans/service';
import { issuePackage } from '../../src-main/core/offline';
import { kdfCostFor } from '../../src-main/core/vault/open-archive';
import { makeArchive } from '../helpers/archive';
import { median, report } from './report';

const PASSPHRASE = 'laptop passphrase 2026';

async function main(): Promise<void> {
  const archive = await makeArchive();
  archive.clock.set(new Date());
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
  const laptop = mkdtempSync(join(tmpdir(), 'triplicate-bench-offline-'));
  const collector = await archive.unlock('wang.cai', 'wang.cai-password-1');
  const borrower = await archive.unlock('zhang.jl', 'zhang.jl-password-1');
  const custodian = await archive.unlock('sun.bg', 'sun.bg-password-1');
  try {
    const content: NewDossier = {
      basic: {
        customerName: '杭州西湖茶叶贸易有限公司',
        legalRepresentative: '任正',
        address: '杭州市西湖区龙井路 1 号',
        phone: '0571-8888-1234',
        industry: '茶叶贸易',
        sourceChannel: 'exhibitions',
      },
      classification: { grade: 'A', secrecy: 'secret', lifecycle: 'maintained', responsibleManager: 'zhang.jl' },
    };
    content.keyPersons = Array.from({ length: 50 }, (_, i) => ({
      name: `联系人${i + 1}`,
      title: '采购经理',
      purchaseRole: '影响者',
      phone: `138-0000-${String(i).padStart(4, '0')}`,
    }));
    content.contactRecords = Array.from({ length: 500 }, (_, i) => ({
      date: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      person: `联系人${(i % 50) + 1}`,
      topic: `第 ${i + 1} 次拜访：年度采购计划与续约条件`,
      content: '双方就明年的采购数量、交付周期和付款方式进行了详细沟通，客户希望在保持价格稳定的前提下缩短交付周期。'.repeat(3),
      result: '客户原则上同意续约，待内部审批。',
      nextStep: '下周提交修订后的报价单，并安排技术交流会。',
    }));
    const draft = await createDossier(collector, content);
    await fileDossier(collector, { number: draft.number });
    const { card } = await fileCard(borrower, {
      copyNumber: `${draft.number}-S`,
      purpose: '基准测试',
      form: 'offline',
      periodDays: 3,
      readingPlace: '本人笔记本电脑',
      acknowledgeNoPublicReading: true,
    });
    await approveCard(custodian, { card });
    // The package is wrapped at the archive's real calibrated cost (the test archive's floor would flatter the figure).
    Object.assign(borrower.archive, { kdfCost: () => kdfCostFor(500) });
    const file = join(laptop, 'bench.tpkg');
    await issuePackage(borrower, { card, passphrase: PASSPHRASE, out: file });

    const host = new ReaderHost({
      stateDir: join(laptop, 'state'),
      clock: archive.clock,
      workstation: 'bench-laptop',
      idleSource: { idleSeconds: () => 0 },
      onClosed: () => {},
    });
    host.choose(file);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const opened = await host.open(PASSPHRASE);
      const first = host.show(opened.sections[0]!, 'view');
      times.push((performance.now() - started) / 1000);
      if (!first.dossier.content.basic) throw new Error('the first section came back empty');
      host.close('user');
    }
    report('offline_open_s', median(times), 's', 1.5);
  } finally {
    for (const s of [collector, custodian, borrower]) await s.lock();
    archive.cleanup();
    rmSync(laptop, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
  process.exitCode = 1;
});
