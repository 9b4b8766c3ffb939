/** Header badge: the signed-in person's name, department and duties. */
import { UserOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { DutyTags } from '../../components/DutyTags';
import { useLabels } from '../../components/labels';
import { useSession } from '../session/SessionContext';

export function CurrentUser() {
  const { actor, departments } = useSession();
  const { department, rank } = useLabels();
  return (
    <Space size="small" className="current-user" data-testid="current-user">
      <UserOutlined />
      <Typography.Text strong>{actor.name}</Typography.Text>
      <Typography.Text type="secondary">
        {department(actor.department, departments)} · {rank(actor.rank)}
      </Typography.Text>
      <DutyTags duties={actor.duties} />
    </Space>
  );
}
