/**
 * `triplicate backup` and `triplicate restore`: the administrator's backups (issue 16, point 5).
 * backup unlocks the archive as --as (administrators only, journaled); restore needs no open
 * archive: it verifies the file, writes it into --to and unlocks the restored copy as --as to
 * verify it and journal the restore there.
 */
import { resolve } from 'node:path';
import { interpolate } from '../../contract/messages';
import { backupArchive } from '../../core/vault/backup';
import { restoreArchive } from '../../core/vault/restore';
import { text } from '../../contract/texts/cli';
import type { Command } from './types';

const sentences = {
  en: {
    backedUp: 'Backup written to {{file}} ({{size}} bytes, journal head entry {{seq}}).',
    restored: 'Restored into {{folder}}: the archive opens, its journal verifies and its head is entry {{seq}} of the backup.',
    replaced: 'The replaced archive was moved to {{folder}}.',
  },
  'zh-CN': {
    backedUp: '备份已写入 {{file}}（{{size}} 字节，日志链头为第 {{seq}} 条）。',
    restored: '已恢复到 {{folder}}：档案库可以打开，日志校验通过，链头与备份的第 {{seq}} 条一致。',
    replaced: '被替换的档案库已移至 {{folder}}。',
  },
};

export const backupCommand: Command = {
  name: 'backup',
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  usage: {
    en: 'backup --archive DIR --as ADMIN --out FILE [--force]   (encrypted database, keyring and signed manifest in one file)',
    'zh-CN': 'backup --archive 目录 --as 管理员 --out 文件 [--force]（加密数据库、密钥环和签名清单合为一个文件）',
  },
  needs: 'unlocked',
  async run(ctx, session) {
    const report = await backupArchive(session!, { out: resolve(ctx.need('out')), force: ctx.values.force === true });
    ctx.out(interpolate(sentences[ctx.locale].backedUp, { file: report.file, size: report.size, seq: report.journalSeq }));
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  options: { to: { type: 'string' } },
  usage: {
    en: 'restore FILE --to NEWDIR --as ADMIN [--force]   (verifies the backup and the restored archive; --force replaces a newer or other archive, journaled)',
    'zh-CN': 'restore 文件 --to 新目录 --as 管理员 [--force]（校验备份与恢复后的档案库；--force 替换较新的或其他档案库，并记入日志）',
  },
  needs: 'none',
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) ctx.need('file');
    const login = ctx.need('as');
    const password = await ctx.passwords.next(text(ctx.locale, 'passwordPrompt', { login }), 'acting');
    const report = await restoreArchive({ file: file!, to: resolve(ctx.need('to')), login, password, force: ctx.values.force === true });
    const t = sentences[ctx.locale];
    ctx.out(interpolate(t.restored, { folder: report.folder, seq: report.journalSeq }));
    if (report.replaced) ctx.out(interpolate(t.replaced, { folder: report.replaced }));
  },
};
