/**
 * A 1,000,000-entry archive for the journal benchmarks, built once per run in a temp folder:
 * a real encrypted archive, entries appended through the core's Journal in large transactions
 * (so checkpoints are signed every 1000 entries as in production), spread over about three years,
 * 200 people, 5000 dossiers, a realistic mix of events and outcomes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src-main/core/clock';
import type { Outcome } from '../../src-main/core/journal/entry';
import { addPerson } from '../../src-main/core/people/service';
import type { Session } from '../../src-main/core/session';
import { initArchive } from '../../src-main/core/vault/init';
import { unlockArchive } from '../../src-main/core/vault/unlock';

export const AUDITOR = { login: 'bench.auditor', password: 'bench-password-1' };
export const PEOPLE = 200;
export const DOSSIERS = 5000;
export const START = Date.parse('2023-01-02T00:00:00Z');
/** Mean spacing: 1M entries over ~3 years. */
export const STEP_MS = 95_000;

const EVENTS = ['dossier.open', 'dossier.open', 'dossier.open', 'dossier.section', 'dossier.section', 'copy.issue', 'card.submit', 'card.approve', 'dossier.update', 'catalogue.search'];

export interface BenchArchive {
  root: string;
  session: Session;
  clock: ManualClock;
  personIds: string[];
  cleanup(): Promise<void>;
}

/** Deterministic pseudo-random numbers, so every run measures the same journal. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function buildArchive(entries: number, log: (s: string) => void): Promise<BenchArchive> {
  const root = mkdtempSync(join(tmpdir(), 'triplicate-bench-journal-'));
  const folder = join(root, 'archive');
  const clock = new ManualClock(new Date(START));
  const options = { clock, stateDir: join(root, 'state'), kdfTargetMs: 1, workstation: 'bench-ws' };
  const { session: admin } = await initArchive({ folder, adminLogin: 'admin', adminName: '管理员', adminPassword: 'admin-password-1' }, options);
  await addPerson(admin, { login: AUDITOR.login, name: '审计员', department: 'audit', rank: 'staff', duties: ['auditor'], password: AUDITOR.password });
  await admin.lock();
  const session = await unlockArchive({ folder, login: AUDITOR.login, password: AUDITOR.password }, options);

  const personIds = Array.from({ length: PEOPLE }, (_, i) => `person-${String(i).padStart(4, '0')}`);
  const names = personIds.map((_, i) => `员工${i}`);
  const random = rng(42);
  const journal = session.archive.journal;
  const db = session.archive.db;
  const started = performance.now();
  const batch = 50_000;
  for (let done = 0; done < entries; done += batch) {
    db.transaction(() => {
      for (let i = 0; i < batch && done + i < entries; i++) {
        const p = Math.floor(random() * PEOPLE);
        const r = random();
        const outcome: Outcome = r < 0.05 ? 'denied' : r < 0.06 ? 'error' : 'ok';
        clock.advance(Math.floor(random() * 2 * STEP_MS));
        journal.append({
          actor: { id: personIds[p]!, name: names[p]!, duty: null },
          event: EVENTS[Math.floor(random() * EVENTS.length)]!,
          object: { type: 'dossier', id: `KH-2026-${String(Math.floor(random() * DOSSIERS)).padStart(5, '0')}` },
          outcome,
          reason: outcome === 'denied' ? 'denied.noDuty' : outcome === 'error' ? 'internal' : null,
          details: { card: `JY-${done + i}`, copy: 'S' },
        });
      }
    })();
    log(`built ${Math.min(done + batch, entries)} entries in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return {
    root,
    session,
    clock,
    personIds,
    async cleanup() {
      await session.lock();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
