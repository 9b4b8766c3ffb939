/** antd's outlined Input and Input.Password looks, as plain inputs. */
import { EyeInvisibleOutlined, EyeOutlined } from './icons';
import { useState, type InputHTMLAttributes, type Ref } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  /** Red border (and red focus ring) while the field's value is refused. */
  invalid?: boolean;
  ref?: Ref<HTMLInputElement>;
  'data-testid'?: string;
}

export function TextInput({ invalid, className, ...rest }: Props) {
  const classes = ['lt-input', invalid && 'lt-input--error', className].filter(Boolean).join(' ');
  return <input type="text" className={classes} aria-invalid={invalid || undefined} {...rest} />;
}

/** A password field with the eye toggle; `showLabel`/`hideLabel` name the toggle for screen readers. */
export function PasswordInput({ invalid, className, disabled, showLabel, hideLabel, ...rest }: Props & { showLabel: string; hideLabel: string }) {
  const [visible, setVisible] = useState(false);
  const classes = ['lt-input-affix', invalid && 'lt-input--error', disabled && 'lt-input-affix--disabled', className].filter(Boolean).join(' ');
  return (
    <span className={classes}>
      <input type={visible ? 'text' : 'password'} className="lt-input" disabled={disabled} aria-invalid={invalid || undefined} {...rest} />
      <span className="lt-input-suffix">
        <button
          type="button"
          className="lt-password-toggle"
          aria-label={visible ? hideLabel : showLabel}
          aria-pressed={visible}
          disabled={disabled}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => setVisible((shown) => !shown)}
        >
          {visible ? <EyeOutlined /> : <EyeInvisibleOutlined />}
        </button>
      </span>
    </span>
  );
}
