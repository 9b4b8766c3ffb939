/**
 * A folder path: typed, or picked with main's native dialog ("Browse…"). Works as an antd form control
 * (value/onChange), so validation messages sit under it like any other field.
 */
import { Button, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { browseFolder } from './chooseFolder';

interface Props {
  value?: string;
  onChange?: (value: string) => void;
  purpose: 'create' | 'open';
  placeholder?: string;
  testId: string;
  onError: (error: unknown) => void;
  /** Called with a folder picked in the dialog, after `onChange`. */
  onPicked?: (folder: string) => void;
  disabled?: boolean;
}

export function FolderInput({ value, onChange, purpose, placeholder, testId, onError, onPicked, disabled }: Props) {
  const { t } = useTranslation();
  const browse = browseFolder(purpose, { onChange, onPicked, onError });
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        value={value}
        onChange={(event) => onChange?.(event.target.value)}
        placeholder={placeholder}
        data-testid={testId}
        spellCheck={false}
        disabled={disabled}
      />
      <Button onClick={browse} disabled={disabled}>
        {t('common.browse')}
      </Button>
    </Space.Compact>
  );
}
