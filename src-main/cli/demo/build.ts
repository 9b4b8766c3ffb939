/**
 * Builds a demo archive: people in every duty and rank, then dossiers in every state supported so
 * far — drafts, filed, revised so copies lag (some re-issued), a lost copy, reviews overdue.
 * Used by `triplicate demo` and by the benchmarks. Bulk dossiers go in batches, one transaction
 * and one journal entry per batch (see dossiers/bulk.ts); the later steps are ordinary operations,
 * each with its own journal entry.
 */
import type { NewPerson } from '../../contract/people';
import { ManualClock, systemClock } from '../../core/clock';
import { recordLostCopy, reissueCopy } from '../../core/copies/service';
import { bulkCreateDossiers, type BulkDossier } from '../../core/dossiers/bulk';
import { reviewDossier, updateDossier } from '../../core/dossiers/service';
import { addPerson } from '../../core/people/service';
import { initArchive } from '../../core/vault/init';
import type { ArchiveOptions } from '../../core/vault/open-archive';
import { unlockArchive } from '../../core/vault/unlock';
import { fictionalDossier, personName, pickFrom, seededRng, type Rng } from './data';
import { withRelationships } from './relationships';
import { buildHistory, type HistoryReport } from './history';

export interface DemoOptions {
  folder: string;
  dossiers: number;
  seed?: number;
  batchSize?: number;
  archiveOptions?: ArchiveOptions;
  /** Progress to stderr or wherever; never stdout (benchmarks print JSON there). */
  progress?: (line: string) => void;
  /** Key persons per dossier (the due-list benchmark's 20); 1–3 when not given. */
  keyPersons?: number;
}

export interface DemoLogin {
  login: string;
  name: string;
  role: string;
  password: string;
}

export interface DemoReport {
  folder: string;
  logins: DemoLogin[];
  recoveryKey: string;
  dossiers: number;
  drafts: number;
  filed: number;
  revised: number;
  reissued: number;
  lost: string[];
  batches: number;
  /** What the months of history made (null when there are too few dossiers for it). */
  history: HistoryReport | null;
}

type Spec = Omit<NewPerson, 'password'> & { role: string };

function people(rng: Rng): Spec[] {
  const p = (login: string, department: string, rank: Spec['rank'], duties: Spec['duties'], role: string): Spec => ({
    login,
    name: personName(rng),
    department,
    rank,
    duties: duties ?? [],
    role,
  });
  return [
    p('gm', 'key-accounts', 'general-manager', [], 'general manager 总经理'),
    p('dm.keyacc', 'key-accounts', 'department-manager', [], 'department manager 部门经理 (key accounts)'),
    p('dm.sales', 'sales', 'department-manager', [], 'department manager 部门经理 (sales)'),
    p('dm.market', 'marketing', 'department-manager', [], 'department manager 部门经理 (marketing)'),
    p('am1', 'key-accounts', 'account-manager', [], 'account manager 客户经理'),
    p('am2', 'key-accounts', 'account-manager', [], 'account manager 客户经理'),
    p('am3', 'sales', 'account-manager', [], 'account manager 客户经理'),
    p('am4', 'marketing', 'account-manager', [], 'account manager 客户经理'),
    p('col1', 'customer-service', 'staff', ['collector'], 'collector 信息采集员'),
    p('col2', 'customer-service', 'staff', ['collector'], 'collector 信息采集员'),
    p('cust.c', 'customer-service', 'staff', ['custodian'], 'custodian 档案保管员 (customer service, copy C)'),
    p('cust.s', 'sales', 'staff', ['custodian'], 'custodian 档案保管员 (sales, copy S)'),
    p('cust.m', 'marketing', 'staff', ['custodian'], 'custodian 档案保管员 (marketing, copy M)'),
    p('auditor', 'audit', 'staff', ['auditor'], 'auditor 审计员'),
    p('staff1', 'sales', 'staff', [], 'staff 员工 (no duty)'),
  ];
}

/**
 * The information analyst (信息分析员, migration 260): aggregates only. Named and given a password
 * from a sequence of its own, so everything the seed made before the analyst existed stays the same.
 */
function analyst(seed: number): { spec: Spec; password: string } {
  const rng = seededRng(seed ^ 0x18);
  const spec: Spec = {
    login: 'analyst',
    name: personName(rng),
    department: 'marketing',
    rank: 'staff',
    duties: ['analyst'],
    role: 'analyst 信息分析员 (aggregates only)',
  };
  return { spec, password: `demo-analyst-${Math.floor(rng() * 9000 + 1000)}` };
}

const MANAGERS = ['am1', 'am2', 'am3', 'am4'];
const YEAR_MS = 365 * 86_400_000;
/** The archive is made this long ago on the demo's own clock, which then walks to now (issue 18 point 5). */
const HISTORY_DAYS = 120;

export async function buildDemoArchive(o: DemoOptions): Promise<DemoReport> {
  const rng = seededRng(o.seed ?? 2026);
  // A sequence of its own: the relationship work leaves everything else as the seed always made it.
  const relationshipRng = seededRng((o.seed ?? 2026) ^ 0x17);
  const log = o.progress ?? (() => {});
  // Everything runs on a clock of its own that starts HISTORY_DAYS ago, so the journal's months of
  // history come from real operations in time order and the archive ends at the caller's now.
  const end = (o.archiveOptions?.clock ?? systemClock).now();
  const start = new Date(end.getTime() - HISTORY_DAYS * 86_400_000);
  const clock = new ManualClock(start);
  const archiveOptions: ArchiveOptions = { ...o.archiveOptions, clock };
  const password = (login: string) => `demo-${login}-${Math.floor(rng() * 9000 + 1000)}`;
  const adminPassword = password('admin');
  const { session: admin, recoveryKey } = await initArchive({ folder: o.folder, adminLogin: 'admin', adminName: '系统管理员', adminPassword }, archiveOptions);
  const logins: DemoLogin[] = [{ login: 'admin', name: '系统管理员', role: 'administrator 系统管理员', password: adminPassword }];
  try {
    for (const spec of people(rng)) {
      const pw = password(spec.login);
      const { role, ...person } = spec;
      await addPerson(admin, { ...person, password: pw });
      logins.push({ login: spec.login, name: spec.name, role, password: pw });
    }
    const { spec: analystSpec, password: analystPassword } = analyst(o.seed ?? 2026);
    const { role: analystRole, ...analystPerson } = analystSpec;
    await addPerson(admin, { ...analystPerson, password: analystPassword });
    logins.push({ login: analystSpec.login, name: analystSpec.name, role: analystRole, password: analystPassword });
  } finally {
    await admin.lock();
  }
  log(`people: ${logins.length}`);

  const as = (login: string) => unlockArchive({ folder: o.folder, login, password: logins.find((l) => l.login === login)!.password }, archiveOptions);
  const now = start;
  const batchSize = o.batchSize ?? 2000;
  const byCollector: string[][] = [[], []];
  let batches = 0;
  let filed = 0;
  let lagging: string[] = [];
  const totalBatches = Math.ceil(o.dossiers / batchSize);
  // One opener per archive: the first collector files the older half, then the second the newer half.
  for (const [who, login] of ['col1', 'col2'].entries()) {
    const firstBatch = who === 0 ? 0 : Math.ceil(totalBatches / 2);
    const endBatch = who === 0 ? Math.ceil(totalBatches / 2) : totalBatches;
    if (firstBatch >= endBatch) continue;
    const collector = await as(login);
    try {
      for (let batch = firstBatch; batch < endBatch; batch++) {
        const start = batch * batchSize;
        const count = Math.min(batchSize, o.dossiers - start);
        // History spread evenly over the last five years, oldest first, so numbers follow time.
        const items: BulkDossier[] = Array.from({ length: count }, (_, i) => {
          const created = new Date(now.getTime() - 5 * YEAR_MS + ((start + i) / o.dossiers) * (5 * YEAR_MS - 7 * 86_400_000));
          const isDraft = rng() < 0.1;
          // Reviews within the last five months: those older than the period are overdue.
          const reviewed = new Date(Math.max(created.getTime(), end.getTime() - rng() * 150 * 86_400_000));
          return {
            content: withRelationships(relationshipRng, fictionalDossier(rng, pickFrom(rng, MANAGERS)), now, created, o.keyPersons),
            createdAt: created.toISOString(),
            file: !isDraft,
            reviewedAt: isDraft ? undefined : reviewed.toISOString(),
          };
        });
        const result = await bulkCreateDossiers(collector, items);
        byCollector[who]!.push(...result.numbers.filter((_, i) => items[i]!.file));
        filed += result.filed;
        batches++;
        if (batches % 10 === 0) log(`dossiers: ${start + count}/${o.dossiers}`);
      }
      if (who === 0) {
        // Revisions: copies of these dossiers now lag; every fourth lags by two.
        lagging = byCollector[0]!.slice(-Math.max(1, Math.min(200, Math.floor(o.dossiers / 100))));
        for (const [i, number] of lagging.entries()) {
          await updateDossier(collector, {
            number,
            changes: { basic: { fax: `0${i % 90}-5550${i % 10}000` }, finance: { annualPerformance: `第${i + 1}次更新：业绩稳步增长` } },
          });
          if (i % 4 === 0) await updateDossier(collector, { number, changes: { market: { strategicDirection: '拓展华东市场' } } });
        }
      }
    } finally {
      await collector.lock();
    }
  }
  log(`revised: ${lagging.length}`);

  const lost: string[] = [];
  let reissued = 0;
  const sales = await as('cust.s');
  try {
    // The sales custodian has caught up with half of them; the other departments have not.
    for (const number of lagging.slice(0, Math.ceil(lagging.length / 2))) {
      await reissueCopy(sales, { copyNumber: `${number}-S` });
      reissued++;
    }
  } finally {
    await sales.lock();
  }
  const marketing = await as('cust.m');
  try {
    const number = byCollector[1]?.[0] ?? lagging[0];
    if (number) {
      await recordLostCopy(marketing, { copyNumber: `${number}-M`, reason: '档案室搬迁时遗失，已报部门经理' });
      lost.push(`${number}-M`);
    }
  } finally {
    await marketing.lock();
  }
  // The general manager marks a few as "reviewed, no change"; the rest of the overdue stay overdue.
  const gm = await as('gm');
  let lendable: string[];
  try {
    for (const number of (byCollector[1] ?? []).slice(1, 6)) await reviewDossier(gm, { number });
    // One approval each (not 机密), and not the dossier whose marketing copy was lost.
    const open = new Set(
      (gm.archive.db.prepare("SELECT archive_number AS n FROM dossiers WHERE status = 'filed' AND secrecy != 'confidential'").all() as { n: string }[]).map(
        (r) => r.n,
      ),
    );
    // The first collector's first twelve get contact records; revised ones have lagging copies.
    const busy = new Set([...lagging, ...(byCollector[0] ?? []).slice(0, 12), ...lost.map((c) => c.slice(0, -2))]);
    lendable = [...(byCollector[1] ?? []), ...(byCollector[0] ?? [])].filter((n) => open.has(n) && !busy.has(n)).slice(0, 40);
  } finally {
    await gm.lock();
  }
  const collected = (byCollector[0] ?? []).slice(0, 12);
  const history =
    lendable.length >= 11 && collected.length >= 12
      ? await buildHistory({ clock, start, end, as, lendable, collected, log })
      : (log('history: too few dossiers, skipped'), null);
  return {
    folder: o.folder,
    logins,
    recoveryKey,
    dossiers: o.dossiers,
    drafts: o.dossiers - filed,
    filed,
    revised: lagging.length,
    reissued,
    lost,
    batches,
    history,
  };
}
