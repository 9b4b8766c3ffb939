/** The application menu's labels (src-main/index.ts), both languages with the same keys. */
export const menuText = {
  en: { archive: 'Archive', lock: 'Lock', quit: 'Quit', edit: 'Edit' },
  zhCN: { archive: '档案库', lock: '锁定', quit: '退出', edit: '编辑' },
};
