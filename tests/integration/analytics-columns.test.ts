/**
 * The analyst's groupings read real columns (migration 290), not dossier content: the source
 * channel column follows the content on every write — bulk creation, an edit — so answers by
 * channel stay right without parsing JSON per row. Real encrypted archive; real SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalytics } from '../../src-main/core/analytics/service';
import type { BulkDossier } from '../../src-main/core/dossiers/bulk';
import { updateDossier } from '../../src-main/core/dossiers/service';
import type { TestArchive } from '../helpers/archive';
import { completeDossier, expectCode, PEOPLE, unlockAs } from '../helpers/dossiers';
import { ANALYST, makeBulkArchive } from '../helpers/bulk-archive';

let archive: TestArchive;
let numbers: string[] = [];

beforeAll(async () => {
  // 8 from exhibitions, 6 from the web; industry left blank on two drafts (shown as '-').
  const items: BulkDossier[] = Array.from({ length: 14 }, (_, i) => ({
    content: completeDossier({
      customerName: `渠道测试客户${i}号有限公司`,
      sourceChannel: i < 8 ? 'exhibitions' : 'web-news',
      industry: i < 12 ? '电子制造' : '',
    }),
    createdAt: '2025-06-01T02:00:00Z',
    // A dossier without industry cannot be filed: those two stay drafts.
    file: i < 12,
    reviewedAt: i < 12 ? '2025-12-01T02:00:00Z' : undefined,
  }));
  ({ archive, numbers } = await makeBulkArchive([ANALYST], items));
}, 240_000);
afterAll(() => archive.cleanup());

async function byChannel(filters: Record<string, string> = {}) {
  const s = await archive.unlock(ANALYST.login, ANALYST.password);
  try {
    const channelsMatchContent = s.archive.db
      .prepare(
        `SELECT count(*) AS n FROM dossiers d JOIN dossier_content c ON c.dossier_id = d.id WHERE d.source_channel IS NOT json_extract(c.content, '$.basic.sourceChannel')`,
      )
      .get() as { n: number };
    expect(channelsMatchContent.n).toBe(0);
    return await runAnalytics(s, { measure: 'dossiers', dimension: 'sourceChannel', filters });
  } finally {
    await s.lock();
  }
}

describe('analytics columns kept with the content', () => {
  it('groups by the source channel the dossiers were created with', async () => {
    const result = await byChannel();
    expect(result.rows).toEqual([
      { key: 'exhibitions', count: 8 },
      { key: 'web-news', count: 6 },
    ]);
  });

  it('follows an edit of the source channel', async () => {
    const collector = await unlockAs(archive, PEOPLE.collector);
    try {
      await updateDossier(collector, { number: numbers[0]!, changes: { basic: { sourceChannel: 'web-news' } } });
    } finally {
      await collector.lock();
    }
    const result = await byChannel();
    expect(result.rows).toEqual([
      { key: 'exhibitions', count: 7 },
      { key: 'web-news', count: 7 },
    ]);
  });

  it('filters by channel and by a blank industry read as "-"', async () => {
    // Dropping this filter would add only the two blank-industry drafts: singling out, refused as before.
    await expectCode(byChannel({ industry: '电子制造' }), 'denied.groupTooSmall');
    const s = await archive.unlock(ANALYST.login, ANALYST.password);
    try {
      const industries = await runAnalytics(s, { measure: 'dossiers', dimension: 'industry', filters: { sourceChannel: 'web-news' } });
      // 7 from the web: 5 in electronics, the 2 blank ones folded with them (2 is below the minimum).
      expect(industries.total).toBe(7);
      expect(industries.rows.reduce((sum, r) => sum + r.count, 0)).toBe(7);
    } finally {
      await s.lock();
    }
  });
});
