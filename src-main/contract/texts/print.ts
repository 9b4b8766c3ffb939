/** Texts of the printing helpers shared by every printable screen. */
export const printText = {
  en: {
    savePdf: 'Save as PDF',
    savedPdf: 'Saved as PDF: {{file}}',
  },
  zhCN: {
    savePdf: '另存为 PDF',
    savedPdf: '已保存为 PDF：{{file}}',
  },
} as const;
