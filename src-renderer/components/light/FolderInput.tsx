/** A folder path, typed or picked with main's dialog ("Browse…"): components/FolderInput without antd. */
import { useTranslation } from 'react-i18next';
import { browseFolder } from '../chooseFolder';
import { Button } from './Button';
import { TextInput } from './Input';

interface Props {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  purpose: 'create' | 'open';
  placeholder?: string;
  testId: string;
  onError: (error: unknown) => void;
  /** Called with a folder picked in the dialog, after `onChange`. */
  onPicked?: (folder: string) => void;
}

export function FolderInput({ id, value, onChange, purpose, placeholder, testId, onError, onPicked }: Props) {
  const { t } = useTranslation();
  const browse = browseFolder(purpose, { onChange, onPicked, onError });
  return (
    <div className="lt-compact">
      <TextInput id={id} value={value} onChange={(event) => onChange(event.target.value)} placeholder={placeholder} data-testid={testId} spellCheck={false} />
      <Button onClick={browse}>{t('common.browse')}</Button>
    </div>
  );
}
