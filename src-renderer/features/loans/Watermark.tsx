/**
 * The watermark tiled over the content on screen and on every printed page: reader's name, card
 * number, copy number and time. Repeated text in an overlay (no image: the CSP allows none from
 * script), pointer-events none so it never gets in the way, position fixed when printing so each
 * page carries it (loans.css).
 */
import { useTranslation } from 'react-i18next';
import type { Watermark as WatermarkData } from '../../../src-main/contract/loans';
import { useLoanLabels } from './labels';

const TILES = 48;

export function Watermark({ data }: { data: WatermarkData }) {
  const { t } = useTranslation();
  const { time } = useLoanLabels();
  const text = t('loans.reading.watermark', { name: data.readerName, card: data.card, copy: data.copyNumber, at: time(data.at) });
  return (
    <div className="loans-watermark" aria-hidden="true" data-testid="reading-watermark" data-text={text}>
      {Array.from({ length: TILES }, (_, i) => (
        <span key={i}>{text}</span>
      ))}
    </div>
  );
}
