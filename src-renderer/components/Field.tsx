/**
 * A label above its control and, while the value is refused, the reason under it in red: the look
 * of antd's vertical Form.Item for the screens before unlock, which keep their own state and need
 * no form store (Form.Item would also bring antd's grid and its styles into the first screen).
 */
import { Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

interface Props {
  label: string;
  /** The id of the control the label names. */
  htmlFor: string;
  error?: string | null;
  style?: CSSProperties;
  children: ReactNode;
}

export function Field({ label, htmlFor, error, style, children }: Props) {
  return (
    <div className="field" style={style}>
      <label className="field__label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
      {error && (
        <Typography.Text type="danger" role="alert" className="field__error">
          {error}
        </Typography.Text>
      )}
    </div>
  );
}
