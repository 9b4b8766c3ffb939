/**
 * The archive server's figures (issue 14), with `triplicate serve` in its own process on loopback
 * and 50 simulated workstations in this one. The mix: account managers doing catalogue searches
 * (≈60%), reads through their loan (≈20%), card file/cancel (≈10%), and auditors doing journal
 * filters (≈10%, 5 of the 50 workstations).
 *
 * Two load models, on purpose:
 * - Capacity, closed loop: every workstation sends its next request the moment the last one is
 *   answered, for 10 s. The server is then saturated by construction, so this measures how many
 *   requests it can answer: server_ops_per_s (target ≥ 500). Its p95 is printed (stderr) but is no
 *   latency figure: with N clients always waiting, Little's law makes latency = N / throughput
 *   (50 / 500 ops/s = 100 ms) whatever the server does, so ≤ 50 ms would need > 1000 ops/s.
 * - Latency, open loop: the target rate itself, 500 requests/s offered (≈10 per workstation, a
 *   steadier hand than any person's), each workstation on its own fixed schedule with a random
 *   phase, sending whether or not its previous answer came back. Latency counts from the moment a
 *   request was due, not when it was sent, so a late client or a queue is charged to the figure
 *   (no coordinated omission): server_p95_ms (target ≤ 50) is the p95 a workstation sees when the
 *   archive is as busy as the target says. If capacity fell below 500, the queue grows and this
 *   figure fails loudly.
 * - server_sign_in_s: one sign-in, median of 5, connection made. Every person's slot carries the
 *   cost calibrated here for the product's 500 ms target (not the tests' floor), as the issue asks.
 * - server_p95_during_sign_ins_ms (target ≤ 50, the issue's "must not stall … beyond the p95
 *   target"): the open-loop mix while 20 sign-ins run at once. The passwords are checked in the
 *   server's low-priority password-check process (password-check.ts); how long the burst took is
 *   printed beside it, since the lower priority makes the sign-ins themselves wait for idle CPU.
 * - server_p95_during_verify_ms (information): the open-loop mix while an auditor's journal:verify
 *   walks the whole chain (JOURNAL_FILL extra entries appended before serving, so the walk is long).
 * - server_cpu_ms_per_op (information, Linux): the serve process's CPU time during the capacity run
 *   divided by the requests answered; target 2 ms, the budget of the one thread that answers at
 *   500 requests/s. Unlike the others it hardly moves with other load on the machine.
 * - server_journal_mismatch: after a clean stop, the entries with a remote origin minus the
 *   requests answered (0 = none lost or duplicated); the chain is verified too.
 *
 * Runnable alone: node -r tsx/cjs tests/bench/server.bench.ts
 */
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import { verifyArchiveJournal } from '../../src-main/core/journal/service';
import { addPerson } from '../../src-main/core/people/service';
import { DEFAULT_KDF_TARGET_MS } from '../../src-main/core/vault/open-archive';
import { RemoteClient } from '../../src-main/ipc/remote/client';
import { readFileSync } from 'node:fs';
import { ADMIN, makeArchive } from '../helpers/archive';
import { startServe } from '../helpers/serve-process';
import { median, percentile, report } from './report';

const MANAGERS = 45;
const AUDITORS = 5;
const DOSSIERS = 400;
const RUN_MS = 10_000;
/** Requests per second offered in the open-loop phases: the throughput target. */
const OFFERED_PER_S = 500;
/** Requests per scheduled unit of work: a manager's card filing is two (file, then cancel). */
const REQUESTS_PER_UNIT = { manager: 1.1, auditor: 1 };
/** Units one workstation may have unanswered in the open loop (2 s of its schedule at the target). */
const MAX_BACKLOG = 20;
/** Entries appended before serving, so a verify has a long chain to walk (10 chunks). */
const JOURNAL_FILL = Number(process.env.SERVER_BENCH_JOURNAL_FILL ?? 100_000);
const CITIES = ['上海', '北京', '深圳', '广州', '杭州', '成都', '武汉', '南京'];
// tests/helpers/dossiers.ts imports vitest, which a plain node process cannot load.
const PEOPLE = {
  collector: { login: 'wang.cai', name: '王采', department: 'customer-service', rank: 'staff' as const, password: 'wang.cai-password-1' },
  custodianS: { login: 'sun.bg', name: '孙保管', department: 'sales', rank: 'staff' as const, password: 'sun.bg-password-1' },
};
const completeDossier = (customerName: string) => ({
  basic: {
    customerName,
    legalRepresentative: '任正',
    address: '上海市浦东新区张江路 88 号',
    phone: '021-5555-0101',
    industry: '电子制造',
    sourceChannel: 'exhibitions' as const,
  },
  classification: { grade: 'A' as const, secrecy: 'secret' as const, lifecycle: 'maintained' as const, responsibleManager: 'am00' },
  keyPersons: [{ name: '李明', title: '采购总监', purchaseRole: '决策者', phone: '138-0000-0001' }],
});
/** CPU time (ms) a process has used so far, from /proc (Linux); null elsewhere. */
function cpuMsOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}
const cardFor = (copyNumber: string) => ({
  copyNumber,
  purpose: '准备年度续约谈判',
  form: 'in-app' as const,
  periodDays: 3,
  readingPlace: '总部 12 楼档案阅览室',
  acknowledgeNoPublicReading: true,
});

async function main(): Promise<void> {
  const archive = await makeArchive({ kdfTargetMs: DEFAULT_KDF_TARGET_MS });
  const admin = await archive.unlock(ADMIN.login, ADMIN.password);
  const managers = Array.from({ length: MANAGERS }, (_, i) => ({
    login: `am${String(i).padStart(2, '0')}`,
    name: `客户经理${i}`,
    department: 'key-accounts',
    rank: 'account-manager' as const,
    duties: [],
    password: `am-password-${i}-x`,
  }));
  const auditors = Array.from({ length: AUDITORS }, (_, i) => ({
    login: `sj${i}`,
    name: `审计${i}`,
    department: 'audit',
    rank: 'staff' as const,
    duties: ['auditor' as const],
    password: `sj-password-${i}-x`,
  }));
  for (const p of [
    ...managers,
    ...auditors,
    { ...PEOPLE.collector, duties: ['collector' as const] },
    { ...PEOPLE.custodianS, duties: ['custodian' as const] },
  ]) {
    await addPerson(admin, p);
  }
  const { memoryKiB, passes, parallelism } = admin.archive.keyring.slots.at(-1)!.kdf;
  process.stderr.write(`slots: argon2id ${memoryKiB / 1024} MiB, ${passes} passes, ${parallelism} lanes (calibrated for ${DEFAULT_KDF_TARGET_MS} ms)\n`);
  await admin.lock();
  const collector = await archive.unlock(PEOPLE.collector.login, PEOPLE.collector.password);
  const numbers: string[] = [];
  for (let i = 0; i < DOSSIERS; i++) {
    const content = completeDossier(`${CITIES[i % CITIES.length]}华${i}电子科技有限公司`);
    const draft = await createDossier(collector, content);
    await fileDossier(collector, { number: draft.number });
    numbers.push(draft.number);
  }
  await collector.lock();
  const filler = await archive.unlock(ADMIN.login, ADMIN.password);
  for (let done = 0; done < JOURNAL_FILL; done += 20_000) {
    filler.archive.db.transaction(() => {
      for (let i = done; i < Math.min(done + 20_000, JOURNAL_FILL); i++) {
        filler.archive.journal.append({ actor: { id: null, name: null, duty: null }, event: 'catalogue.search', outcome: 'ok', details: { filler: i } });
      }
    })();
  }
  await filler.lock();

  const serve = await startServe(archive.folder, ADMIN.login, ADMIN.password, { TRIPLICATE_STATE_DIR: archive.stateDir });
  const connect = () =>
    RemoteClient.connect({ host: '127.0.0.1', port: serve.port, fingerprint: serve.fingerprint, connectTimeoutMs: 30_000, callTimeoutMs: 600_000 });
  let answered = 0;
  let signIns = 0;
  try {
    // One sign-in at a time.
    const single: number[] = [];
    for (let i = 0; i < 5; i++) {
      const c = await connect();
      const t0 = performance.now();
      const r = await c.signIn(managers[i]!.login, managers[i]!.password);
      single.push((performance.now() - t0) / 1000);
      if (!r.ok) throw new Error(r.error.code);
      signIns++;
      await c.signOut();
      await c.close();
    }
    report('server_sign_in_s', median(single), 's', 1.0);

    const workstations: Array<{ client: RemoteClient; kind: 'manager' | 'auditor'; index: number }> = [];
    const seats = [...managers.map((_, i) => ({ kind: 'manager' as const, index: i })), ...auditors.map((_, i) => ({ kind: 'auditor' as const, index: i }))];
    // Four at a time (the argon2 thread pool's width): the run measures work, not a sign-in storm.
    // Each connects just before signing in: the server closes a connection that does not ask to within 60 s.
    for (let i = 0; i < seats.length; i += 4) {
      await Promise.all(
        seats.slice(i, i + 4).map(async (seat) => {
          const w = { ...seat, client: await connect() };
          const p = w.kind === 'manager' ? managers[w.index]! : auditors[w.index]!;
          const r = await w.client.signIn(p.login, p.password);
          if (!r.ok) throw new Error(`${p.login}: ${r.error.code}`);
          signIns++;
          workstations.push(w);
        }),
      );
    }

    // Each account manager's loan, filed and approved through the server, so it runs on the server's clock.
    const custodian = await connect();
    if (!(await custodian.signIn(PEOPLE.custodianS.login, PEOPLE.custodianS.password)).ok) throw new Error('custodian sign-in');
    const loans: string[] = [];
    for (const w of workstations.filter((x) => x.kind === 'manager').sort((a, b) => a.index - b.index)) {
      const filed = await w.client.call<{ card: string }>('cards:file', cardFor(`${numbers[w.index]}-S`));
      if (!filed.ok) throw new Error(`file: ${filed.error.code}`);
      const approved = await custodian.call('cards:approve', { card: filed.value.card });
      if (!approved.ok) throw new Error(`approve: ${approved.error.code}`);
      loans[w.index] = filed.value.card;
      answered += 2;
    }
    await custodian.close();

    const latencies: number[] = [];
    let failures = 0;
    const codes = new Map<string, number>();
    const byChannel = new Map<string, number[]>();
    /** One unit of work; `dueAt` is when it was due (open loop), else it starts now. */
    const op = async (w: (typeof workstations)[number], n: number, dueAt?: number): Promise<void> => {
      const roll = n % 10;
      let due = dueAt;
      const timed = async (channel: string, payload: unknown) => {
        const t0 = due ?? performance.now();
        // A follow-on request (the cancel after a filing) is due when it is sent.
        due = undefined;
        const r = await w.client.call(channel, payload);
        const ms = performance.now() - t0;
        latencies.push(ms);
        let list = byChannel.get(channel);
        if (!list) byChannel.set(channel, (list = []));
        list.push(ms);
        answered++;
        if (!r.ok) {
          failures++;
          codes.set(`${channel} ${r.error.code}`, (codes.get(`${channel} ${r.error.code}`) ?? 0) + 1);
        }
        return r;
      };
      if (w.kind === 'auditor') {
        const filters = [{ event: 'catalogue.search' }, { outcome: 'denied' as const }, { person: managers[n % MANAGERS]!.login }, { event: 'loan.file' }][
          n % 4
        ];
        await timed('journal:read', { filters, limit: 100 });
      } else if (roll < 6) {
        await timed('dossiers:search', { text: `${CITIES[n % CITIES.length]}华` });
      } else if (roll < 8) {
        await timed('loans:read', { card: loans[w.index], sections: ['basic'] });
      } else if (roll === 8) {
        const filed = await timed('cards:file', cardFor(`${numbers[MANAGERS + ((w.index * 7 + n) % (DOSSIERS - MANAGERS))]}-M`));
        if (filed.ok) await timed('cards:cancel', { card: (filed.value as { card: string }).card });
      } else {
        await timed('loans:list', {});
      }
    };
    const runFor = async (ms: number) => {
      const until = performance.now() + ms;
      const start = performance.now();
      const before = latencies.length;
      await Promise.all(
        workstations.map(async (w) => {
          for (let n = w.index; performance.now() < until; n++) await op(w, n);
        }),
      );
      return { ops: latencies.length - before, seconds: (performance.now() - start) / 1000, slice: latencies.slice(before) };
    };
    /** Open loop at OFFERED_PER_S: each workstation on a fixed schedule, whatever the answers do. */
    /** Offers the load for `ms`, at least, and until `lasting` (if given) has settled. */
    const offer = async (ms: number, lasting?: Promise<unknown>) => {
      const perUnit = workstations.reduce((sum, w) => sum + REQUESTS_PER_UNIT[w.kind], 0) / workstations.length;
      const intervalMs = (1000 * workstations.length * perUnit) / OFFERED_PER_S;
      const start = performance.now();
      let until = lasting ? Infinity : start + ms;
      void lasting?.finally(() => (until = Math.max(start + ms, performance.now())));
      const before = latencies.length;
      // A server far below the offered rate would queue without end: past MAX_BACKLOG units waiting
      // on a workstation, the next ones are not sent, and count with the least they would have
      // waited (until the phase drained), so the bench ends in bounded time and the figure still fails.
      const unsent: number[] = [];
      await Promise.all(
        workstations.map(async (w) => {
          const inFlight = new Set<Promise<void>>();
          let dueAt = start + Math.random() * intervalMs;
          for (let n = w.index; dueAt < until; n++, dueAt += intervalMs) {
            const wait = dueAt - performance.now();
            if (wait > 0) await new Promise((r) => setTimeout(r, wait));
            if (inFlight.size >= MAX_BACKLOG) {
              unsent.push(dueAt);
              continue;
            }
            const sent: Promise<void> = op(w, n, dueAt).finally(() => inFlight.delete(sent));
            inFlight.add(sent);
          }
          await Promise.all(inFlight);
        }),
      );
      const drained = performance.now();
      const seconds = (drained - start) / 1000;
      const slice = [...latencies.slice(before), ...unsent.map((due) => drained - due)];
      process.stderr.write(
        `open loop: ${slice.length - unsent.length} requests in ${seconds.toFixed(1)} s (offered ${OFFERED_PER_S}/s, ${unsent.length} not sent: backlog), median ${median(slice).toFixed(1)} ms p95 ${percentile(slice, 95).toFixed(1)} ms\n`,
      );
      return { ops: slice.length, seconds, slice };
    };
    await runFor(1500); // warm-up: statement caches, JIT
    byChannel.clear();
    const serverCpu0 = cpuMsOf(serve.child.pid!);
    const clientCpu0 = process.cpuUsage();
    const run = await runFor(RUN_MS);
    const serverCpu1 = cpuMsOf(serve.child.pid!);
    const clientCpu = process.cpuUsage(clientCpu0);
    report('server_ops_per_s', run.ops / run.seconds, 'ops/s', 500);
    if (serverCpu0 !== null && serverCpu1 !== null) report('server_cpu_ms_per_op', (serverCpu1 - serverCpu0) / run.ops, 'ms', 2);
    process.stderr.write(
      `closed loop: ops ${run.ops} in ${run.seconds.toFixed(1)} s, p95 ${percentile(run.slice, 95).toFixed(1)} ms, failures ${failures} ${JSON.stringify([...codes])}\n`,
    );
    process.stderr.write(`workstations' own CPU (this process): ${((clientCpu.user + clientCpu.system) / 1000 / run.ops).toFixed(2)} ms per request\n`);
    for (const [channel, values] of byChannel)
      process.stderr.write(`${channel}: n=${values.length} median ${median(values).toFixed(1)} ms p95 ${percentile(values, 95).toFixed(1)} ms\n`);

    // The latency a workstation sees at the target rate (open loop, see the header).
    byChannel.clear();
    const steady = await offer(RUN_MS);
    report('server_p95_ms', percentile(steady.slice, 95), 'ms', 50);
    for (const [channel, values] of byChannel)
      process.stderr.write(`${channel}: n=${values.length} median ${median(values).toFixed(1)} ms p95 ${percentile(values, 95).toFixed(1)} ms\n`);

    // 20 sign-ins at once while the workstations keep working.
    const extra = await Promise.all(Array.from({ length: 20 }, () => connect()));
    // The load lasts as long as the burst does, so every sign-in's time is inside the figure.
    const burstStart = performance.now();
    let burstOk = 0;
    const burst = Promise.all(
      extra.map(async (c, i) => {
        const r = await c.signIn(managers[i % MANAGERS]!.login, managers[i % MANAGERS]!.password);
        if (!r.ok) return;
        signIns++;
        burstOk++;
      }),
    ).then(() => process.stderr.write(`20 sign-ins at once: ${burstOk} signed in, the last after ${((performance.now() - burstStart) / 1000).toFixed(2)} s\n`));
    const burstCpu0 = cpuMsOf(serve.child.pid!);
    const [during] = await Promise.all([offer(3000, burst), burst]);
    const burstCpu1 = cpuMsOf(serve.child.pid!);
    if (burstCpu0 !== null && burstCpu1 !== null)
      process.stderr.write(`serve process during the burst: ${((burstCpu1 - burstCpu0) / during.ops).toFixed(3)} ms CPU per request (sign-ins included)\n`);
    report('server_p95_during_sign_ins_ms', percentile(during.slice, 95), 'ms', 50);

    // An auditor verifies the whole chain while the workstations keep working.
    const verifier = workstations.find((w) => w.kind === 'auditor')!;
    const t0 = performance.now();
    let verifyMs = 0;
    const [whileVerifying] = await Promise.all([
      offer(3000),
      verifier.client.call<{ ok: boolean; count: number }>('journal:verify', {}).then((r) => {
        verifyMs = performance.now() - t0;
        if (!r.ok || !r.value.ok) throw new Error(`verify: ${r.ok ? 'chain broken' : r.error.code}`);
        answered++;
        process.stderr.write(`verify of ${r.value.count} entries took ${verifyMs.toFixed(0)} ms\n`);
      }),
    ]);
    report('server_p95_during_verify_ms', percentile(whileVerifying.slice, 95), 'ms', 50);
    await Promise.all([...extra, ...workstations.map((w) => w.client)].map((c) => c.close()));
  } catch (error) {
    process.stderr.write(`server output:\n${serve.output()}\n`);
    throw error;
  } finally {
    serve.child.kill('SIGTERM');
    await serve.exited;
  }

  const auditor = await archive.unlock(auditors[0]!.login, auditors[0]!.password);
  try {
    const chain = await verifyArchiveJournal(auditor);
    if (!chain.ok) throw new Error(`journal broken at ${chain.problem?.seq}`);
    const row = auditor.archive.db
      .prepare(`SELECT count(*) AS n FROM journal WHERE details LIKE '%"remote":%' AND event NOT IN ('session.unlock', 'session.lock')`)
      .get() as { n: number };
    report('server_journal_mismatch', Math.abs(row.n - answered), 'entries', 0);
    process.stderr.write(`remote entries ${row.n}, answered ${answered}, sign-ins ${signIns}\n`);
  } finally {
    await auditor.lock();
    archive.cleanup();
  }
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error) + '\n');
  process.exitCode = 1;
});
