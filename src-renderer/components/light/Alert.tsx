/** antd's Alert (error or info, with its icon, optionally closable). */
import { CloseCircleFilled, CloseOutlined, InfoCircleFilled } from './icons';
import type { CSSProperties, ReactNode } from 'react';

interface Props {
  type: 'error' | 'info';
  title: ReactNode;
  /** Shows the close cross, named `closeLabel` for screen readers. */
  onClose?: () => void;
  closeLabel?: string;
  role?: string;
  style?: CSSProperties;
  'data-testid'?: string;
}

export function Alert({ type, title, onClose, closeLabel, style, role, ...rest }: Props) {
  return (
    <div className={`lt-alert lt-alert--${type}`} role={role} style={style} {...rest}>
      <span className="lt-alert__icon">{type === 'error' ? <CloseCircleFilled /> : <InfoCircleFilled />}</span>
      <div className="lt-alert__section">
        <div className="lt-alert__title">{title}</div>
      </div>
      {onClose && (
        <button type="button" className="lt-alert__close" aria-label={closeLabel} onClick={onClose}>
          <CloseOutlined />
        </button>
      )}
    </div>
  );
}
