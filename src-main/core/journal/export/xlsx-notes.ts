/**
 * XLSX exports for people who open them in Excel or WPS: the sheet's row limit, and a second sheet
 * (说明) explaining each column in Chinese. Verification reads the first sheet only (sources.ts), so
 * the notes sheet is outside what the manifest signs and claims nothing.
 */
import type { EXPORT_COLUMNS } from './manifest';

/** Excel's (and WPS's) rows per worksheet; one is the header row. */
export const XLSX_MAX_ROWS = 1_048_576;

export const NOTES_SHEET = '说明';

export const COLUMN_NOTES_ZH: Record<(typeof EXPORT_COLUMNS)[number], string> = {
  seq: '序号：日志中的顺序号，从 1 起连续递增，不得有缺号',
  at: '时间：记录写入的时刻（UTC，ISO 8601 格式）',
  tz_offset: '时区偏移：写入时工作站的时区与 UTC 相差的分钟数（北京时间为 480）',
  actor_id: '操作人编号：操作人在档案库中的内部编号（系统操作为空）',
  actor_name: '操作人姓名：操作当时的姓名',
  actor_duty: '操作人职责：操作当时所用的职责（管理员、保管员、审计员、采集员等）',
  workstation: '工作站：执行操作的计算机名称',
  event: '事件：操作的类型，例如 dossier.open（打开档案）、loan.approve（批准借阅）',
  object_type: '对象类型：操作所涉及对象的类别（档案、借阅卡、人员等）',
  object_id: '对象编号：操作所涉及对象的编号（例如档案号、借阅卡号）',
  outcome: '结果：ok 为成功，denied 为被拒绝，error 为失败',
  reason: '原因：被拒绝或失败时的原因代码',
  details: '详情：操作的其他信息（JSON 格式）',
  prev_hash: '前一条哈希：上一条记录的 SHA-256 哈希，用于链式校验',
  hash: '本条哈希：本条记录内容与前一条哈希共同计算的 SHA-256 哈希；任何改动都会使其不符',
};

export const NOTES_INTRO_ZH = [
  '本文件为 Triplicate 档案库的日志导出。第一个工作表（journal）为日志记录，每行一条；本工作表仅作说明。',
  '导出文件附有签名清单（同名 .manifest.json）。请使用 `triplicate verify-export 文件名` 校验：任何一行被修改、删除、插入或移动都会被指出。',
  `单个工作表最多 ${XLSX_MAX_ROWS.toLocaleString('en-US')} 行（含表头）；超出时系统会拒绝导出为 XLSX，请缩小筛选范围或改用 CSV。`,
];
