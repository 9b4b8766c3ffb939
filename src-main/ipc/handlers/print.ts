/** print:* — the page on screen saved as PDF, once the core has allowed the export it stands for. */
import { pdfFileName, savePrintoutAsPdf } from '../../core/print/save-pdf';
import type { DomainHandlers } from './context';
import { open } from './context';

export const printHandlers: DomainHandlers<'print'> = {
  'print:pdf': async (input, ctx) => {
    const chooseOut = () => ctx.chooseSaveFile(pdfFileName(input.document, ctx.now()), [{ name: 'PDF', extensions: ['pdf'] }]);
    return savePrintoutAsPdf(open(ctx), input, chooseOut, ctx.printToPdf);
  },
};
