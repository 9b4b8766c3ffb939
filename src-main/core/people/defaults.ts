import type { DepartmentView } from '../../contract/people';

/**
 * Departments every new archive starts with. The first three hold the three copies (一式三份:
 * 客户服务部, 销售部, 市场部); their suffix ends each copy number (KH-2026-00017-S).
 */
export const DEFAULT_DEPARTMENTS: readonly DepartmentView[] = [
  { code: 'customer-service', nameZh: '客户服务部', nameEn: 'Customer Service', holdsCopy: true, copySuffix: 'C' },
  { code: 'sales', nameZh: '销售部', nameEn: 'Sales', holdsCopy: true, copySuffix: 'S' },
  { code: 'marketing', nameZh: '市场部', nameEn: 'Marketing', holdsCopy: true, copySuffix: 'M' },
  { code: 'key-accounts', nameZh: '大客户部', nameEn: 'Key Accounts', holdsCopy: false, copySuffix: null },
  { code: 'audit', nameZh: '审计部', nameEn: 'Audit', holdsCopy: false, copySuffix: null },
  { code: 'it', nameZh: '信息技术部', nameEn: 'IT', holdsCopy: false, copySuffix: null },
];
