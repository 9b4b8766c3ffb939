/** antd's Input.Password whose eye toggle says, in the person's language, what pressing it does. */
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

export function PasswordInput(props: ComponentProps<typeof Input.Password>) {
  const { t } = useTranslation();
  return (
    <Input.Password
      iconRender={(visible) =>
        visible ? (
          <EyeOutlined role="button" aria-label={t('unlock.hidePassword')} />
        ) : (
          <EyeInvisibleOutlined role="button" aria-label={t('unlock.showPassword')} />
        )
      }
      {...props}
    />
  );
}
