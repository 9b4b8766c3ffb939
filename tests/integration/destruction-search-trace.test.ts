/**
 * Destruction leaves no trace of the dossier's words in the search indexes (issue 16, point 2;
 * migration 0270): the indexes delete in place with FTS5's secure-delete, the separator keys of
 * their b-trees are rewritten where they still held a removed term's leading characters, and
 * freed space is zeroed. Checked the way the issue asks: the archive file decrypted page by page
 * with the raw key (free pages and slack included) holds none of the destroyed characters, on a
 * merged index large enough that the destroyed terms sit between other dossiers' terms across
 * leaf pages; the indexes still pass FTS5's integrity check and search still answers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkCreateDossiers, type BulkDossier } from '../../src-main/core/dossiers/bulk';
import { searchCatalogue } from '../../src-main/core/dossiers/catalogue';
import { createDossier, fileDossier, updateDossier } from '../../src-main/core/dossiers/service';
import { approveDestruction, requestDestruction } from '../../src-main/core/records/destruction';
import type { Session } from '../../src-main/core/session';
import type { TestArchive, TestPerson } from '../helpers/archive';
import { completeDossier, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';
import { decryptSqlcipher4 } from '../helpers/sqlcipher4-pages';

const GM: TestPerson = { login: 'zong.jl', name: '总经理', department: 'key-accounts', rank: 'general-manager', duties: [], password: 'zong.jl-password-1' };

/** Only the destroyed dossier's key persons use these; they interleave with common characters in code-point order. */
const RARE = Array.from('龘靐齉爩鱻麤龗灪蠹鬱');
const COMMON = Array.from(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光',
);

/** A deterministic generator, so a failure reproduces. */
function chooser(seed: number) {
  // mulberry32
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return (set: readonly string[], n: number) => Array.from({ length: n }, () => set[Math.floor(next() * set.length)]!).join('');
}

let archive: TestArchive;
let collector: Session;
beforeEach(async () => {
  archive = await makeDossierArchive();
  await archive.addPerson(GM);
  collector = await unlockAs(archive, PEOPLE.collector);
});
afterEach(async () => {
  await collector.lock();
  archive.cleanup();
});

describe('destruction and the search indexes', () => {
  it('leaves none of the destroyed key persons in the decrypted file, and search keeps working', { timeout: 240_000 }, async () => {
    const pick = chooser(16);
    const others: BulkDossier[] = Array.from({ length: 1500 }, (_, i) => ({
      content: {
        ...completeDossier({ customerName: `${pick(COMMON, 6)}有限公司`, industry: pick(COMMON, 2) }),
        keyPersons: [
          { name: pick(COMMON, 3), title: '经理', purchaseRole: '影响者' },
          { name: pick(COMMON, 12), title: '总监', purchaseRole: '决策者' },
        ],
      },
      createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    }));
    await bulkCreateDossiers(collector, others);

    // 20 key persons of 100 rare characters: several index pages of terms only this dossier has.
    const persons = (n: number) => Array.from({ length: n }, () => ({ name: pick(RARE, 100), title: '顾问', purchaseRole: '影响者' }));
    const victim = await createDossier(collector, { ...completeDossier({ customerName: '深圳清河电子有限公司' }), keyPersons: persons(20) });
    // An earlier list only the revisions remember.
    await updateDossier(collector, { number: victim.number, changes: { keyPersons: persons(20) } });
    await fileDossier(collector, { number: victim.number });

    // A long-lived archive's indexes are merged: the victim's terms now share segments and leaf
    // pages with everyone else's.
    const db = collector.archive.db;
    for (const table of ['dossier_search', 'dossier_search_bigram']) db.prepare(`INSERT INTO ${table} (${table}) VALUES ('optimize')`).run();
    const rareKeys = (db.prepare('SELECT term FROM dossier_search_idx').all() as { term: Buffer }[]).filter((r) =>
      RARE.some((c) => r.term.includes(Buffer.from(c))),
    );
    expect(rareKeys.length).toBeGreaterThan(0);

    const custodian = await unlockAs(archive, PEOPLE.custodianS);
    try {
      const request = await requestDestruction(custodian, { number: victim.number, reason: '保管期满' });
      const gm = await unlockAs(archive, GM);
      try {
        expect((await approveDestruction(gm, { id: request.id })).state).toBe('destroyed');
      } finally {
        await gm.lock();
      }
    } finally {
      await custodian.lock();
    }

    for (const table of ['dossier_search', 'dossier_search_bigram']) {
      expect(() => db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    }
    const found = await searchCatalogue(collector, { text: '深圳清河' });
    expect(found.rows.map((r) => r.number)).toEqual([victim.number]);
    const other = others[700]!.content.basic!.customerName!;
    expect((await searchCatalogue(collector, { text: other.slice(0, 4) })).rows.map((r) => r.customerName)).toContain(other);
    expect((await searchCatalogue(collector, { text: other.slice(1, 3) })).rows.map((r) => r.customerName)).toContain(other);

    const key = Buffer.from(collector.archive.databaseKey);
    await collector.lock();
    const { plaintext, badPages } = decryptSqlcipher4(readFileSync(join(archive.folder, 'archive.db')), key);
    expect(badPages).toBe(0);
    expect(RARE.filter((c) => plaintext.includes(Buffer.from(c, 'utf8')))).toEqual([]);
    expect(plaintext.includes(Buffer.from('深圳清河电子有限公司'))).toBe(true);
    collector = await unlockAs(archive, PEOPLE.collector);
  });
});
