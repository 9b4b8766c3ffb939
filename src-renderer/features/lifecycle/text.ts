/**
 * The records-lifecycle feature's UI text (issue 16), in both languages with the same keys (checked
 * by tests/unit/i18n-complete.test.ts). Merged into i18next under the `lifecycle` key.
 */
export const lifecycleText = {
  en: {
    backup: {
      title: 'Backup',
      never: 'No backup has been taken of this archive.',
      last: 'Last backup {{age}} ago ({{time}}, by {{by}}, journal entry {{seq}}).',
      overdue: 'The last backup is older than {{days}} days. Take a backup now.',
      neverWarn: 'There is no backup: one lost disk loses the archive. Take a backup now.',
      run: 'Back up now',
      phase_snapshot: 'Taking a consistent snapshot of the encrypted database…',
      phase_write: 'Writing the backup file…',
      phase_done: 'Done.',
      done: 'Backup saved to {{file}}.',
      days: '{{count}} days',
      hours: '{{count}} hours',
      intervalDays: 'Warn when the last backup is older than (days)',
      intervalHint: 'The administrator’s dashboard warns after this many days without a backup (default 7).',
      restoreHint: 'To restore, use: triplicate restore FILE --to NEWDIR --as ADMIN (verifies the file and the restored archive).',
    },
  },
  zhCN: {
    backup: {
      title: '备份',
      never: '本档案库尚未做过备份。',
      last: '上次备份于 {{age}}前（{{time}}，由 {{by}} 执行，日志第 {{seq}} 条）。',
      overdue: '上次备份已超过 {{days}} 天，请立即备份。',
      neverWarn: '尚无任何备份：一块硬盘损坏就会失去整个档案库。请立即备份。',
      run: '立即备份',
      phase_snapshot: '正在生成加密数据库的一致性快照…',
      phase_write: '正在写入备份文件…',
      phase_done: '完成。',
      done: '备份已保存到 {{file}}。',
      days: '{{count}} 天',
      hours: '{{count}} 小时',
      intervalDays: '上次备份超过多少天后提醒（天）',
      intervalHint: '超过此天数未备份时，系统管理员的首页会提醒（默认 7 天）。',
      restoreHint: '恢复请使用：triplicate restore 文件 --to 新目录 --as 管理员（会校验备份文件及恢复后的档案库）。',
    },
  },
};
