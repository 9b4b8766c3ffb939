/**
 * A list that renders only the rows on screen (plus a few either side), so a million rows cost
 * what forty do. Rows have one fixed height; the scroll area's height stands in for the rest.
 * Arrow keys move the selection, which follows into view.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

interface Props {
  rowCount: number;
  rowHeight: number;
  /** Asked whenever the rows on screen change. */
  onRange(first: number, last: number): void;
  renderRow(index: number): ReactNode;
  selected: number | null;
  onSelect(index: number): void;
  header: ReactNode;
  testId?: string;
  ariaLabel: string;
}

const OVERSCAN = 8;

export function VirtualList({ rowCount, rowHeight, onRange, renderRow, selected, onSelect, header, testId, ariaLabel }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(rowCount - 1, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);

  useEffect(() => {
    if (rowCount > 0) onRange(first, last);
  }, [first, last, rowCount, onRange]);

  // Keep the selected row visible when the keyboard moves it.
  useEffect(() => {
    const el = scroller.current;
    if (!el || selected === null) return;
    const top = selected * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
  }, [selected, rowHeight]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (rowCount === 0) return;
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : event.key === 'PageDown' ? 20 : event.key === 'PageUp' ? -20 : 0;
    if (!step) return;
    event.preventDefault();
    onSelect(Math.min(rowCount - 1, Math.max(0, (selected ?? -1) + step)));
  };

  const rows: ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    rows.push(
      <div
        key={i}
        role="row"
        aria-selected={selected === i}
        className={`vlist__row${selected === i ? ' vlist__row--selected' : ''}`}
        style={{ top: i * rowHeight, height: rowHeight }}
        onClick={() => onSelect(i)}
      >
        {renderRow(i)}
      </div>,
    );
  }

  return (
    <div className="vlist" role="grid" aria-label={ariaLabel} aria-rowcount={rowCount} data-testid={testId}>
      <div className="vlist__header" role="row">
        {header}
      </div>
      <div className="vlist__scroller" ref={scroller} tabIndex={0} onKeyDown={onKeyDown} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div style={{ height: rowCount * rowHeight, position: 'relative' }}>{rows}</div>
      </div>
    </div>
  );
}
