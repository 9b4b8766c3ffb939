/**
 * `triplicate demo --archive DIR --dossiers N [--seed S]`: a new archive full of fictional
 * customers for trying the app and for benchmarks. Creates the archive itself (needs 'none') and
 * prints every login with its password: demo data only, never a real archive.
 */
import { resolve } from 'node:path';
import { UsageError } from '../usage';
import { buildDemoArchive } from '../demo/build';
import type { Command } from './types';

export const demoCommand: Command = {
  name: 'demo',
  options: { dossiers: { type: 'string' }, seed: { type: 'string' } },
  usage: {
    en: 'demo --archive DIR --dossiers N [--seed S]   a new archive of fictional customers; prints logins and passwords',
    'zh-CN': 'demo --archive 目录 --dossiers 数量 [--seed 种子]   创建虚构客户的演示档案库，并打印登录名和密码',
  },
  needs: 'none',
  async run(ctx) {
    const folder = resolve(ctx.need('archive'));
    const count = Number(ctx.need('dossiers'));
    if (!Number.isInteger(count) || count < 1 || count > 1_000_000) throw new UsageError('--dossiers: 1 … 1000000');
    const seed = ctx.values.seed === undefined ? 2026 : Number(ctx.values.seed);
    if (!Number.isInteger(seed)) throw new UsageError('--seed: an integer');
    const started = performance.now();
    const report = await buildDemoArchive({ folder, dossiers: count, seed, progress: ctx.err });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const en = ctx.locale === 'en';
    if (ctx.values.json) {
      ctx.out(JSON.stringify({ ...report, seconds: Number(seconds) }, null, 2));
      return;
    }
    ctx.out(en ? `Demo archive at ${folder} (${seconds} s).` : `演示档案库位于 ${folder}（用时 ${seconds} 秒）。`);
    ctx.out(
      en
        ? `Dossiers: ${report.dossiers} (${report.filed} filed, ${report.drafts} drafts); ${report.revised} revised so their copies lag, ${report.reissued} sales copies re-issued; lost copy: ${report.lost.join(', ') || '-'}.`
        : `档案：${report.dossiers} 份（已归档 ${report.filed}，草稿 ${report.drafts}）；${report.revised} 份已修订（副本落后），销售部已重新发放 ${report.reissued} 份；遗失副本：${report.lost.join('、') || '无'}。`,
    );
    const h = report.history;
    if (h) {
      ctx.out(
        en
          ? `History of the last months: ${h.leads} leads in every state, ${h.cards} borrow cards in every state, ${h.packagesIssued} offline packages (${h.packagesReturned} returned), a lost copy with an incident and an integrity mark, ${h.contactRecords} contact records, ${h.birthdays} key persons with birthdays in the coming weeks.`
          : `近几个月的历史：信息提报 ${h.leads} 条（各种状态），借阅卡 ${h.cards} 张（各种状态），离线包 ${h.packagesIssued} 个（已归还 ${h.packagesReturned} 个），一份遗失的借阅件及其事件和诚信黑点，沟通记录 ${h.contactRecords} 条，近几周过生日的关键人物 ${h.birthdays} 位。`,
      );
    }
    ctx.out(en ? 'Logins (fictional demo data):' : '登录名（虚构演示数据）：');
    for (const l of report.logins) ctx.out(`  ${l.login.padEnd(10)} ${l.password.padEnd(22)} ${l.name}\t${l.role}`);
    ctx.out(en ? `Recovery key: ${report.recoveryKey}` : `恢复密钥：${report.recoveryKey}`);
  },
};
