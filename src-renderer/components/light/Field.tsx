/** antd's vertical Form.Item: label above, the control, and the refusal under it in red. */
import type { CSSProperties, ReactNode } from 'react';

interface Props {
  label: string;
  /** The id of the control the label names. */
  htmlFor?: string;
  error?: string | null;
  style?: CSSProperties;
  children: ReactNode;
}

export function Field({ label, htmlFor, error, style, children }: Props) {
  return (
    <div className={error ? 'lt-field lt-field--with-help' : 'lt-field'} style={style}>
      <label className="lt-field__label" htmlFor={htmlFor} title={label}>
        {label}
      </label>
      <div className="lt-field__control">{children}</div>
      {error && (
        <div className="lt-field__error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
