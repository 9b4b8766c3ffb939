/**
 * A page's heading: its title and one line saying what the page is for, with the page's own
 * actions (if any) on the right. `noPrint` keeps it off paper where the page prints.
 */
import { Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  title: ReactNode;
  intro: ReactNode;
  noPrint?: boolean;
  children?: ReactNode;
}

export function PageHeading({ title, intro, noPrint, children }: Props) {
  return (
    <div className={noPrint ? 'page-heading no-print' : 'page-heading'}>
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        <Typography.Text type="secondary">{intro}</Typography.Text>
      </div>
      {children}
    </div>
  );
}
