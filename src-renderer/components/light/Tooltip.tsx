/**
 * antd's Tooltip: a dark bubble over (or, without room, under) the control, shown on hover and focus
 * after a short delay. The child must be one element that accepts a ref and mouse/focus handlers.
 */
import { cloneElement, useEffect, useId, useLayoutEffect, useRef, useState, type FocusEvent, type MouseEvent, type ReactElement } from 'react';
import { createPortal } from 'react-dom';

const GAP = 12; // from the control to the bubble, arrow included
const EDGE = 2; // kept from the window's sides, as antd does

interface ChildProps {
  ref?: unknown;
  'aria-describedby'?: string;
  onMouseEnter?: (event: MouseEvent) => void;
  onMouseLeave?: (event: MouseEvent) => void;
  onFocus?: (event: FocusEvent) => void;
  onBlur?: (event: FocusEvent) => void;
}

interface Place {
  left: number;
  top: number;
  arrowX: number;
  side: 'top' | 'bottom';
}

export function Tooltip({ title, children }: { title: string; children: ReactElement<ChildProps> }) {
  const target = useRef<HTMLElement | null>(null);
  const bubble = useRef<HTMLDivElement | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<Place | null>(null);
  const id = useId();

  const show = (delay: number) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setOpen(true), delay);
  };
  const hide = () => {
    window.clearTimeout(timer.current);
    setOpen(false);
    setPlace(null);
  };
  useEffect(() => () => window.clearTimeout(timer.current), []);

  useLayoutEffect(() => {
    if (!open || !target.current || !bubble.current) return;
    const anchor = target.current.getBoundingClientRect();
    // offset sizes: the bubble may be mid-animation (scaled), its layout size is what counts.
    const { offsetWidth: width, offsetHeight: height } = bubble.current;
    const centre = anchor.left + anchor.width / 2;
    const left = Math.min(Math.max(EDGE, centre - width / 2), window.innerWidth - EDGE - width);
    const side = anchor.top - GAP - height >= 0 ? 'top' : 'bottom';
    const top = side === 'top' ? anchor.top - GAP - height : anchor.bottom + GAP;
    setPlace({ left, top, arrowX: centre - left, side });
  }, [open, title]); // a new title (language switch) may change the control's and the bubble's size

  const props = children.props;
  const trigger = cloneElement(children, {
    ref: (node: HTMLElement | null) => {
      target.current = node;
    },
    'aria-describedby': open ? id : undefined,
    onMouseEnter: (event: MouseEvent) => {
      show(100);
      props.onMouseEnter?.(event);
    },
    onMouseLeave: (event: MouseEvent) => {
      hide();
      props.onMouseLeave?.(event);
    },
    onFocus: (event: FocusEvent) => {
      show(0);
      props.onFocus?.(event);
    },
    onBlur: (event: FocusEvent) => {
      hide();
      props.onBlur?.(event);
    },
  });

  return (
    <>
      {trigger}
      {open &&
        createPortal(
          <div
            ref={bubble}
            id={id}
            role="tooltip"
            className={`lt-tooltip lt-tooltip--${place?.side ?? 'top'}`}
            style={
              place
                ? { left: place.left, top: place.top, transformOrigin: `${place.arrowX}px ${place.side === 'top' ? '100%' : '0'}` }
                : { left: 0, top: 0, visibility: 'hidden' }
            }
          >
            <div className="lt-tooltip__arrow" style={{ left: (place?.arrowX ?? 0) - 8 }} />
            <div className="lt-tooltip__inner">{title}</div>
          </div>,
          document.body,
        )}
    </>
  );
}
