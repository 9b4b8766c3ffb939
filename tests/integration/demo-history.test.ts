/**
 * `triplicate demo --dossiers 2000` makes a living archive (issue 18 point 5): loans in every state,
 * leads in every state, an incident with a mark, offline packages issued and returned, contact
 * records and key persons' birthdays, with months of journal history in time order.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalytics } from '../../src-main/core/analytics/service';
import { chartData, listCharts } from '../../src-main/core/dashboards/service';
import { CHARTS } from '../../src-main/core/dashboards/registry';
import { listLeads } from '../../src-main/core/leads/service';
import { OTHER_GROUP, type AnalyticsQuery } from '../../src-main/contract/analytics';
import type { Session } from '../../src-main/core/session';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { runCli, type CliResult } from '../helpers/cli';

let root: string;
let run: CliResult;
let session: Session;

function password(login: string): string {
  const line = run.stdout.split('\n').find((l) => l.trim().startsWith(`${login} `));
  return line!.trim().split(/\s+/)[1]!;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'triplicate-demo-history-'));
  run = runCli(['demo', '--archive', join(root, 'archive'), '--dossiers', '2000', '--seed', '11'], '', { TRIPLICATE_STATE_DIR: join(root, 'state') }, 600_000);
  expect(run.status, run.stderr).toBe(0);
  session = await unlockArchive({ folder: join(root, 'archive'), login: 'am1', password: password('am1') }, { stateDir: join(root, 'state'), kdfTargetMs: 1 });
}, 660_000);
afterAll(async () => {
  await session?.lock();
  rmSync(root, { recursive: true, force: true });
});

const count = (sql: string, ...args: unknown[]) => (session.archive.db.prepare(sql).get(...args) as { n: number }).n;

describe('the living demo', () => {
  it('has borrow cards and loans in every state: on time, overdue, returned, returned late, recalled, lost, queued, waiting, rejected', () => {
    const now = new Date().toISOString();
    for (const state of ['submitted', 'queued', 'rejected', 'returned', 'returned-late', 'recalled', 'lost']) {
      expect(count('SELECT count(*) AS n FROM loans WHERE state = ?', state), state).toBeGreaterThan(0);
    }
    expect(count("SELECT count(*) AS n FROM loans WHERE state = 'on-loan' AND due_at > ?", now), 'on time').toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM loans WHERE state = 'on-loan' AND due_at <= ?", now), 'overdue').toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM loans WHERE state = 'queued'")).toBe(2);
  });

  it('has leads in every state, an incident with an integrity mark, packages issued and returned, contact records and coming birthdays', async () => {
    const states = new Set((await listLeads(session, {})).map((l) => l.state));
    expect([...states].sort()).toEqual(['dossier', 'duplicate', 'expired', 'invalid', 'pending', 'project', 'valid']);
    expect(count('SELECT count(*) AS n FROM incidents')).toBeGreaterThan(0);
    expect(count('SELECT count(*) AS n FROM integrity_marks')).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM offline_packages WHERE state = 'issued'")).toBe(1);
    expect(count("SELECT count(*) AS n FROM offline_packages WHERE state = 'returned'")).toBe(1);
    expect(count("SELECT coalesce(sum(json_array_length(content, '$.contactRecords')), 0) AS n FROM dossier_content")).toBeGreaterThanOrEqual(18);
    // Plans are yearly records of their own (issue 17), filed by the responsible account manager.
    expect(count("SELECT count(*) AS n FROM maintenance_plans WHERE status = 'filed'")).toBeGreaterThan(0);
    const birthdays = session.archive.db
      .prepare(
        "SELECT json_extract(k.value, '$.birthday') AS b FROM dossier_content, json_each(content, '$.keyPersons') k WHERE json_extract(k.value, '$.birthday') != ''",
      )
      .all() as { b: string }[];
    const soon = (b: string) => {
      const today = new Date();
      for (let d = 0; d < 42; d++) if (new Date(today.getTime() + d * 86_400_000).toISOString().slice(5, 10) === b.slice(5)) return true;
      return false;
    };
    expect(birthdays.filter((r) => soon(r.b)).length).toBeGreaterThanOrEqual(3);
  });

  it('keeps months of journal history in time order, and the chain verifies', () => {
    const first = session.archive.db.prepare('SELECT min(at) AS at FROM journal').get() as { at: string };
    expect(Date.now() - new Date(first.at).getTime()).toBeGreaterThan(90 * 86_400_000);
    expect(count('SELECT count(*) AS n FROM journal a JOIN journal b ON b.seq = a.seq + 1 WHERE b.at < a.at')).toBe(0);
    expect(count('SELECT count(DISTINCT substr(at, 1, 7)) AS n FROM journal')).toBeGreaterThanOrEqual(4);
  });

  it('has an information analyst, printed with the others, whose standing charts all have content', { timeout: 300_000 }, async () => {
    expect(run.stdout).toMatch(/^\s+analyst\s+demo-analyst-\d{4}\s/m);
    const analyst = await unlockArchive(
      { folder: join(root, 'archive'), login: 'analyst', password: password('analyst') },
      { stateDir: join(root, 'state'), kdfTargetMs: 1 },
    );
    try {
      // The analyst page's standing queries (AnalystPage.tsx), each with groups to draw.
      const standing: AnalyticsQuery[] = [
        { measure: 'dossiers', dimension: 'grade' },
        { measure: 'dossiers', dimension: 'lifecycle' },
        { measure: 'dossiers', dimension: 'industry' },
        { measure: 'reviewCompliance', dimension: 'department' },
        { measure: 'loans', dimension: 'month' },
      ];
      for (const query of standing) {
        const result = await runAnalytics(analyst, query);
        const label = `${query.measure} by ${query.dimension}`;
        expect(result.total, label).toBeGreaterThanOrEqual(result.minGroupSize);
        // Small months of loans fold into "(other)"; at least one group stands on its own.
        expect(result.rows.filter((r) => r.key !== OTHER_GROUP).length, label).toBeGreaterThanOrEqual(1);
      }
      const journaled = analyst.archive.db
        .prepare(`SELECT count(*) AS n FROM journal WHERE event = 'analytics.query' AND outcome = 'ok' AND actor_id = ?`)
        .get(analyst.actor.id) as { n: number };
      expect(journaled.n).toBe(standing.length);
    } finally {
      await analyst.lock();
    }
  });

  it('gives every dashboard chart data: each viewer it is for gets a drawn chart, and some viewer gets a non-zero value', { timeout: 600_000 }, async () => {
    const viewers = ['gm', 'dm.keyacc', 'dm.sales', 'dm.market', 'cust.c', 'cust.s', 'cust.m', 'auditor', 'analyst'];
    const shown = new Map<string, { noData: boolean; total: number }[]>();
    for (const login of viewers) {
      const viewer = await unlockArchive(
        { folder: join(root, 'archive'), login, password: password(login) },
        { stateDir: join(root, 'state'), kdfTargetMs: 1 },
      );
      try {
        for (const id of await listCharts(viewer)) {
          const chart = await chartData(viewer, { id });
          const total = chart.series.reduce((sum, s) => sum + s.values.reduce((a, b) => a + b, 0), 0);
          shown.set(id, [...(shown.get(id) ?? []), { noData: chart.noData, total }]);
        }
      } finally {
        await viewer.lock();
      }
    }
    for (const chart of CHARTS) {
      const seen = shown.get(chart.id) ?? [];
      expect(seen.length, `${chart.id}: nobody in the demo sees it`).toBeGreaterThan(0);
      expect(
        seen.filter((c) => c.noData),
        `${chart.id}: no data`,
      ).toEqual([]);
      expect(Math.max(...seen.map((c) => c.total)), `${chart.id}: all zero`).toBeGreaterThan(0);
    }
  });
});
