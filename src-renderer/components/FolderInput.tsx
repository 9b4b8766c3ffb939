/**
 * A folder path: typed, or picked with main's native dialog ("Browse…"). Built on the light kit for
 * the welcome screen; as value/onChange/id are optional it also serves as an antd form control.
 */
import { useTranslation } from 'react-i18next';
import { browseFolder } from './chooseFolder';
import { Button, TextInput } from './light';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  purpose: 'create' | 'open';
  placeholder?: string;
  testId: string;
  onError: (error: unknown) => void;
  /** Called with a folder picked in the dialog, after `onChange`. */
  onPicked?: (folder: string) => void;
  disabled?: boolean;
  /** Red border while the form refuses the value. */
  invalid?: boolean;
}

export function FolderInput({ id, value, onChange, purpose, placeholder, testId, onError, onPicked, disabled, invalid }: Props) {
  const { t } = useTranslation();
  const browse = browseFolder(purpose, { onChange, onPicked, onError });
  return (
    <div className="lt-compact">
      <TextInput
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange?.(event.target.value)}
        placeholder={placeholder}
        data-testid={testId}
        spellCheck={false}
        disabled={disabled}
        invalid={invalid}
      />
      <Button onClick={browse} disabled={disabled}>
        {t('common.browse')}
      </Button>
    </div>
  );
}
