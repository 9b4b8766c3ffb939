/**
 * The bell in the header: unread count and the list. Custodians hear of new cards and overdue
 * loans; borrowers of approvals, rejections, loans due within a day, recalls and holds available.
 * Main computes overdue and due-soon notices when asked, so the bell asks now and then.
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, List, Popover, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationView } from '../../../src-main/contract/loans';
import { api, call } from '../../api/client';
import { useLoanLabels } from './labels';

const POLL_MS = 60_000;

export function NotificationBell() {
  const { t } = useTranslation();
  const { time } = useLoanLabels();
  const [items, setItems] = useState<NotificationView[]>([]);
  const [open, setOpen] = useState(false);

  const load = useCallback(async () => {
    try {
      setItems(await call(api().notifications.list({ unreadOnly: false })));
    } catch {
      // The bell stays quiet rather than shouting an error into the header.
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  const markRead = async (n: NotificationView) => {
    try {
      await call(api().notifications.read({ id: n.id }));
    } finally {
      await load();
    }
  };

  const unread = items.filter((n) => !n.read).length;
  const list = (
    <div className="loans-bell__list" data-testid="bell-list">
      <List<NotificationView>
        size="small"
        dataSource={items.slice(0, 50)}
        locale={{ emptyText: t('loans.bell.none') }}
        renderItem={(n) => (
          <List.Item
            data-testid={`bell-item-${n.kind}`}
            actions={
              n.read
                ? []
                : [
                    <Button key="read" size="small" type="link" onClick={() => void markRead(n)}>
                      {t('loans.bell.markRead')}
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <Typography.Text strong={!n.read}>
                  {t(`loans.bell.kinds.${n.kind.replace('.', '_')}`, { card: n.card ?? '—', number: n.number ?? '—' })}
                </Typography.Text>
              }
              description={time(n.createdAt)}
            />
          </List.Item>
        )}
      />
    </div>
  );

  return (
    <Popover
      content={list}
      title={t('loans.bell.title')}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void load();
      }}
    >
      <Badge count={unread} size="small" data-testid="bell-count">
        <Button icon={<BellOutlined />} aria-label={t('loans.bell.title')} data-testid="bell" />
      </Badge>
    </Popover>
  );
}
