/** antd's Button look (default, primary, text, link) as a plain <button>, click wave included. */
import { LoadingOutlined } from './icons';
import { useState, type ButtonHTMLAttributes, type MouseEvent, type ReactNode, type Ref } from 'react';

interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  variant?: 'default' | 'primary' | 'text' | 'link';
  htmlType?: 'button' | 'submit';
  icon?: ReactNode;
  block?: boolean;
  /** Spinner instead of the icon; clicks are ignored meanwhile. */
  loading?: boolean;
  ref?: Ref<HTMLButtonElement>;
  'data-testid'?: string;
}

const TWO_CJK = /^[\u4e00-\u9fa5]{2}$/;

export function Button({ variant = 'default', htmlType = 'button', icon, block, loading, className, children, onClick, ...rest }: Props) {
  // Each click restarts the wave (a new key remounts it); text and link buttons have none, as in antd.
  const [waves, setWaves] = useState(0);
  const bordered = variant === 'default' || variant === 'primary';
  const iconOnly = children == null || children === '';
  const twoCjk = !icon && bordered && typeof children === 'string' && TWO_CJK.test(children);
  const classes = [
    'lt-btn',
    `lt-btn--${variant}`,
    iconOnly && 'lt-btn--icon-only',
    twoCjk && 'lt-btn--two-cjk',
    block && 'lt-btn--block',
    loading && 'lt-btn--loading',
    className,
  ]
    .filter(Boolean)
    .join(' ');
  const click = (event: MouseEvent<HTMLButtonElement>) => {
    if (bordered) setWaves((n) => n + 1);
    onClick?.(event);
  };
  return (
    <button type={htmlType} className={classes} aria-busy={loading || undefined} onClick={click} {...rest}>
      {(loading || icon) && <span className="lt-btn__icon">{loading ? <LoadingOutlined className="lt-spin" /> : icon}</span>}
      {!iconOnly && <span>{children}</span>}
      {waves > 0 && <span key={waves} className="lt-btn__wave" aria-hidden="true" onAnimationEnd={() => setWaves(0)} />}
    </button>
  );
}
