/** antd's bordered Card with a title. */
import type { ReactNode } from 'react';

export function Card({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className="lt-card">
      <div className="lt-card__head">
        <div className="lt-card__head-wrapper">
          <div className="lt-card__title">{title}</div>
        </div>
      </div>
      <div className="lt-card__body">{children}</div>
    </div>
  );
}
