/**
 * The sentences behind every error code, in both languages. Interpolation uses `{{name}}` so the
 * renderer's i18next and the CLI's `formatError` read the same strings.
 */
import type { ErrorCode, ErrorInfo } from './errors';

export type Locale = 'zh-CN' | 'en';

type Messages = Record<ErrorCode, string>;

const en: Messages = {
  'input.invalid': 'The request is not valid: {{detail}}',
  'input.unknownCommand': 'Unknown command: {{command}}',
  'input.unknownChannel': 'The app asked for something it does not offer ({{channel}}); nothing was done.',
  'input.untrustedSender': 'A request came from a page that is not part of the app; nothing was done.',
  'vault.notFound': 'No archive was found at {{path}}.',
  'vault.alreadyExists': 'An archive already exists at {{path}}; nothing was changed.',
  'vault.foreign': 'This folder does not hold a Triplicate archive, or its keyring is not one we can read. Nothing was changed.',
  'vault.damaged': 'The password is correct, but the archive is damaged and cannot be read. Nothing was changed; restore it from a backup.',
  'vault.newerVersion': 'This archive was written by a newer version of Triplicate (schema {{found}}, this version knows {{known}}). Update the app.',
  'vault.wrongPassword': 'Wrong login or password.',
  'vault.throttled': 'Too many failed attempts for this login. Try again in {{seconds}} s.',
  'vault.locked': 'The archive is locked. Unlock it first.',
  'vault.diskFull': 'The disk is full; nothing was written. Free some space and try again.',
  'vault.ioError': 'The archive files could not be read or written: {{detail}}',
  'person.notFound': 'No person with login "{{login}}".',
  'person.loginTaken': 'The login "{{login}}" is already in use.',
  'person.disabled': 'The account "{{login}}" is disabled.',
  'person.dutyConflict': 'Administrator, custodian and auditor must be different people (separation of duties).',
  'person.custodianNeedsHoldingDepartment': 'A custodian must belong to a department that holds a copy of every dossier.',
  'person.lastAdmin': 'The last active administrator cannot be disabled or lose that duty.',
  'person.self': 'You cannot do this to your own account.',
  'person.weakPassword': 'The password must have at least {{min}} characters.',
  'department.notFound': 'No department with code "{{code}}".',
  'department.exists': 'The department "{{code}}" already exists.',
  'dossier.notFound': 'No dossier numbered {{number}}.',
  'dossier.incomplete': 'The dossier cannot be filed until these ★ fields are filled: {{fields}}.',
  'dossier.alreadyFiled': 'Dossier {{number}} is already filed.',
  'dossier.staleRevision': 'Dossier {{number}} has changed since you opened it (now revision {{current}}). Reload and try again.',
  'dossier.notResponsible': '"{{login}}" cannot be the responsible account manager: an active account manager or above is needed.',
  'dossier.numbersExhausted': 'No archive numbers are left for {{year}}.',
  'dossier.noChange': 'Nothing was changed: the save is identical to the current revision.',
  'dossier.notFiled': 'Dossier {{number}} is still a draft.',
  'revision.notFound': 'Dossier {{number}} has no revision {{revision}}.',
  'copy.notFound': 'No copy numbered {{copyNumber}}.',
  'copy.notReissuable': 'Copy {{copyNumber}} cannot be re-issued while it is {{state}}.',
  'copy.notLosable': 'Copy {{copyNumber}} cannot be recorded as lost while it is {{state}}.',
  'catalogue.queryTooShort': 'Each search term needs at least {{min}} characters.',
  'denied.notAdmin': 'Only an administrator may do this.',
  'denied.notAuditor': 'Only an auditor may do this.',
  'denied.noDuty': 'Your duties do not allow this.',
  'denied.disabled': 'This account is disabled.',
  'denied.notSelf': 'You may only do this for your own account.',
  'denied.notWriter': 'Only the dossier\'s collector or responsible account manager may write it.',
  'denied.noContentAccess': 'Dossier content is shown only to the holder of an active loan for it.',
  'denied.notCatalogue': 'The catalogue is open to people with a business duty or the rank of account manager and above.',
  'denied.notCustodian': 'Only an archive custodian may do this.',
  'denied.notCopyCustodian': 'Only a custodian of the department holding this copy may do this.',
  'journal.appendOnly': 'The journal can only grow; entries cannot be changed or removed.',
  'journal.broken': 'The journal fails verification at entry {{seq}}: {{detail}}',
  'export.exists': 'The file {{path}} already exists; nothing was written. Choose another name or use --force to replace it.',
  'export.notFound': 'No export was found at {{path}} (an export is the file plus its .manifest.json beside it).',
  'export.foreign': 'This is not a Triplicate journal export, or its manifest cannot be read: {{detail}}',
  'export.cancelled': 'The export was cancelled; no file was written.',
  'export.tampered': 'The export fails verification: {{detail}}',
  internal: 'An unexpected error occurred. Nothing was changed.',
};

const zhCN: Messages = {
  'input.invalid': '请求无效：{{detail}}',
  'input.unknownCommand': '未知命令：{{command}}',
  'input.unknownChannel': '应用请求了不存在的操作（{{channel}}），未执行任何操作。',
  'input.untrustedSender': '请求来自不属于本应用的页面，未执行任何操作。',
  'vault.notFound': '在 {{path}} 未找到档案库。',
  'vault.alreadyExists': '{{path}} 已存在档案库，未做任何更改。',
  'vault.foreign': '该文件夹不是 Triplicate 档案库，或其密钥环无法识别。未做任何更改。',
  'vault.damaged': '密码正确，但档案库已损坏，无法读取。未做任何更改，请从备份恢复。',
  'vault.newerVersion': '该档案库由更新版本的 Triplicate 写入（结构版本 {{found}}，本版本支持 {{known}}）。请升级应用。',
  'vault.wrongPassword': '登录名或密码错误。',
  'vault.throttled': '该登录名失败次数过多，请在 {{seconds}} 秒后重试。',
  'vault.locked': '档案库已锁定，请先解锁。',
  'vault.diskFull': '磁盘已满，未写入任何内容。请释放空间后重试。',
  'vault.ioError': '无法读取或写入档案库文件：{{detail}}',
  'person.notFound': '不存在登录名为“{{login}}”的人员。',
  'person.loginTaken': '登录名“{{login}}”已被使用。',
  'person.disabled': '账户“{{login}}”已停用。',
  'person.dutyConflict': '系统管理员、档案保管员和审计员必须由不同的人担任（三员分立）。',
  'person.custodianNeedsHoldingDepartment': '档案保管员必须属于持有档案副本的部门。',
  'person.lastAdmin': '不能停用最后一名在职系统管理员或撤销其职责。',
  'person.self': '不能对自己的账户执行此操作。',
  'person.weakPassword': '密码至少需要 {{min}} 个字符。',
  'department.notFound': '不存在代码为“{{code}}”的部门。',
  'department.exists': '部门“{{code}}”已存在。',
  'dossier.notFound': '不存在编号为 {{number}} 的档案。',
  'dossier.incomplete': '以下★项填写完整后档案才能归档：{{fields}}。',
  'dossier.alreadyFiled': '档案 {{number}} 已归档。',
  'dossier.staleRevision': '档案 {{number}} 在您打开后已被修改（现为第 {{current}} 版），请重新加载后再试。',
  'dossier.notResponsible': '“{{login}}”不能担任负责客户经理：需要在职的客户经理或以上职级人员。',
  'dossier.numbersExhausted': '{{year}} 年的档案编号已用完。',
  'dossier.noChange': '未做任何更改：所保存内容与当前版本相同。',
  'dossier.notFiled': '档案 {{number}} 仍是草稿。',
  'revision.notFound': '档案 {{number}} 没有第 {{revision}} 版。',
  'copy.notFound': '不存在编号为 {{copyNumber}} 的副本。',
  'copy.notReissuable': '副本 {{copyNumber}} 当前状态为{{state}}，不能重新发放。',
  'copy.notLosable': '副本 {{copyNumber}} 当前状态为{{state}}，不能登记遗失。',
  'catalogue.queryTooShort': '每个检索词至少需要 {{min}} 个字符。',
  'denied.notAdmin': '只有系统管理员可以执行此操作。',
  'denied.notAuditor': '只有审计员可以执行此操作。',
  'denied.noDuty': '您的职责不允许执行此操作。',
  'denied.disabled': '该账户已停用。',
  'denied.notSelf': '此操作只能针对您本人的账户。',
  'denied.notWriter': '只有该档案的信息采集员或负责客户经理可以填写档案。',
  'denied.noContentAccess': '档案内容仅向持有有效借阅的人员显示。',
  'denied.notCatalogue': '客户一览表仅向有业务职责或客户经理及以上职级的人员开放。',
  'denied.notCustodian': '只有档案保管员可以执行此操作。',
  'denied.notCopyCustodian': '只有持有该副本的部门的档案保管员可以执行此操作。',
  'journal.appendOnly': '日志只能追加，条目不能修改或删除。',
  'journal.broken': '日志在第 {{seq}} 条校验失败：{{detail}}',
  'export.exists': '文件 {{path}} 已存在，未写入任何内容。请换一个文件名，或使用 --force 覆盖。',
  'export.notFound': '在 {{path}} 未找到导出文件（导出由文件本身及其旁边的 .manifest.json 组成）。',
  'export.foreign': '这不是 Triplicate 日志导出文件，或其清单无法读取：{{detail}}',
  'export.cancelled': '导出已取消，未写入任何文件。',
  'export.tampered': '导出文件校验失败：{{detail}}',
  internal: '发生意外错误，未做任何更改。',
};

export const errorMessages: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

/** Fills `{{name}}` placeholders; unknown placeholders stay visible rather than vanish. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function formatError(error: ErrorInfo, locale: Locale): string {
  return interpolate(errorMessages[locale][error.code], error.params);
}

/** zh-CN for any Chinese system locale, English otherwise (domain: Chinese is the default on a Chinese system). */
export function localeFrom(systemLocale: string | undefined): Locale {
  return systemLocale && /^zh/i.test(systemLocale) ? 'zh-CN' : 'en';
}
