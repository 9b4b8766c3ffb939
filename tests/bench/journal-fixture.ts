/**
 * A 1,000,000-entry archive for the journal benchmarks: a real encrypted archive whose entries are
 * appended through the core's Journal in large transactions, spread over about three years, 200
 * people, 5000 dossiers, a realistic mix of events and outcomes.
 *
 * Every entry is signed by the person it names, as sessions write them (issue 12): each of the 200
 * people enrols a key of their own in their first session (`person.key`, as an unlock does for a
 * person without one), then works in sessions of a few dozen to a few hundred entries that begin
 * with `session.unlock` and end with `session.lock` and a signed checkpoint. Sessions are attached
 * to the journal as the archive server attaches them, so runs, digests and checkpoints are the real
 * ones and `journal verify` finds every entry attributable.
 *
 * Built once and kept under os.tmpdir() (keyed by FORMAT and the entry count; a half-built one is
 * never used), then copied for each run, since a run writes to it (unlock, verify, export entries).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src-main/core/clock';
import type { Outcome } from '../../src-main/core/journal/entry';
import { addPerson } from '../../src-main/core/people/service';
import type { Session } from '../../src-main/core/session';
import { initArchive } from '../../src-main/core/vault/init';
import { keyRecord, newPersonKey, personSigner } from '../../src-main/core/vault/signing-keys';
import { unlockArchive } from '../../src-main/core/vault/unlock';

export const AUDITOR = { login: 'bench.auditor', password: 'bench-password-1' };
export const PEOPLE = 200;
export const DOSSIERS = 5000;
export const START = Date.parse('2023-01-02T00:00:00Z');
/** Mean spacing: 1M entries over ~3 years. */
export const STEP_MS = 95_000;
/** Bump when what is built changes: a cached archive of another format is rebuilt. */
const FORMAT = 2;
/** Entries per transaction while building. */
const BATCH = 20_000;

const EVENTS = [
  'dossier.open',
  'dossier.open',
  'dossier.open',
  'dossier.section',
  'dossier.section',
  'copy.issue',
  'card.submit',
  'card.approve',
  'dossier.update',
  'catalogue.search',
];

export interface BenchArchive {
  /** This run's copy: `archive/` (the archive folder) and `state/` (the workstation state). */
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

const personIds = Array.from({ length: PEOPLE }, (_, i) => `person-${String(i).padStart(4, '0')}`);
const optionsFor = (root: string, clock: ManualClock) => ({ clock, stateDir: join(root, 'state'), kdfTargetMs: 1, workstation: 'bench-ws' });

/** Builds the archive in `root`; returns the clock's time when done. */
async function build(root: string, entries: number, log: (s: string) => void): Promise<number> {
  const folder = join(root, 'archive');
  const clock = new ManualClock(new Date(START));
  const options = optionsFor(root, clock);
  const { session: admin } = await initArchive({ folder, adminLogin: 'admin', adminName: '管理员', adminPassword: 'admin-password-1' }, options);
  await addPerson(admin, { login: AUDITOR.login, name: '审计员', department: 'audit', rank: 'staff', duties: ['auditor'], password: AUDITOR.password });
  await admin.lock();
  // The auditor keeps the archive open; the people's sessions come and go on its journal.
  const opener = await unlockArchive({ folder, login: AUDITOR.login, password: AUDITOR.password }, options);
  const journal = opener.archive.journal;
  const names = personIds.map((_, i) => `员工${i}`);
  const keys = personIds.map(() => newPersonKey());
  const enrolled = new Set<number>();
  const random = rng(42);
  const started = performance.now();
  let written = 0;
  let sessionNo = 0;
  const append = (p: number, event: string, outcome: Outcome, object: { type: string; id: string } | null, details: Record<string, unknown>) => {
    clock.advance(Math.floor(random() * 2 * STEP_MS));
    journal.append({
      actor: { id: personIds[p]!, name: names[p]!, duty: null },
      event,
      object,
      outcome,
      reason: outcome === 'denied' ? 'denied.noDuty' : outcome === 'error' ? 'internal' : null,
      details,
    });
    written++;
  };
  while (written < entries) {
    journal.transaction(() => {
      const until = Math.min(entries, written + BATCH);
      while (written < until) {
        // One session: unlock, work, lock with a checkpoint signed by its person.
        const p = Math.floor(random() * PEOPLE);
        const key = keys[p]!;
        // A copy: detach zeroes the key it was given.
        journal.attach(personSigner(personIds[p]!, key.publicKey, Buffer.from(key.privateKeyDer)), `bench-session-${sessionNo++}`);
        if (!enrolled.has(p)) {
          enrolled.add(p);
          append(p, 'person.key', 'ok', { type: 'person', id: personIds[p]! }, { signingKey: keyRecord(personIds[p]!, key.publicKey), reason: 'enrol' });
        }
        append(p, 'session.unlock', 'ok', null, {});
        const work = Math.min(until - written - 1, 20 + Math.floor(random() * 280));
        for (let i = 0; i < work; i++) {
          const r = random();
          const outcome: Outcome = r < 0.05 ? 'denied' : r < 0.06 ? 'error' : 'ok';
          const event = EVENTS[Math.floor(random() * EVENTS.length)]!;
          const dossier = `KH-2026-${String(Math.floor(random() * DOSSIERS)).padStart(5, '0')}`;
          append(p, event, outcome, { type: 'dossier', id: dossier }, { card: `JY-${written}`, copy: 'S' });
        }
        append(p, 'session.lock', 'ok', null, {});
        journal.checkpoint(personIds[p]!);
        journal.detach(personIds[p]!);
      }
    });
    log(`built ${written} entries in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  for (const key of keys) key.privateKeyDer.fill(0);
  await opener.lock();
  return clock.now().getTime();
}

export async function buildArchive(entries: number, log: (s: string) => void): Promise<BenchArchive> {
  const cached = join(tmpdir(), `triplicate-bench-journal-v${FORMAT}-${entries}`);
  const meta = join(cached, 'built.json');
  if (!existsSync(meta)) {
    const building = mkdtempSync(`${cached}.building-`);
    log(`building a ${entries}-entry archive in ${building}`);
    const endedAt = await build(building, entries, log);
    writeFileSync(join(building, 'built.json'), JSON.stringify({ format: FORMAT, entries, endedAt }));
    rmSync(cached, { recursive: true, force: true });
    renameSync(building, cached);
  } else log(`reusing the ${entries}-entry archive in ${cached}`);
  const { endedAt } = JSON.parse(readFileSync(meta, 'utf8')) as { endedAt: number };
  const root = mkdtempSync(join(tmpdir(), 'triplicate-bench-journal-'));
  cpSync(join(cached, 'archive'), join(root, 'archive'), { recursive: true });
  cpSync(join(cached, 'state'), join(root, 'state'), { recursive: true });
  const clock = new ManualClock(new Date(endedAt));
  const session = await unlockArchive({ folder: join(root, 'archive'), login: AUDITOR.login, password: AUDITOR.password }, optionsFor(root, clock));
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
