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
import { commandSentences } from '../../contract/texts/cli-commands';
import { usageOf } from '../../contract/texts/cli-usage';
import type { Command } from './types';

const sentences = commandSentences('backup');

export const backupCommand: Command = {
  name: 'backup',
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  usage: usageOf('backup'),
  needs: 'unlocked',
  async run(ctx, session) {
    const report = await backupArchive(session!, { out: resolve(ctx.need('out')), force: ctx.values.force === true });
    ctx.out(interpolate(sentences[ctx.locale].backedUp, { file: report.file, size: report.size, seq: report.journalSeq }));
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  options: { to: { type: 'string' } },
  usage: usageOf('restore'),
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
