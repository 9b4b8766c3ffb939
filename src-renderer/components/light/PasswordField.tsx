/** A labelled password field with the eye toggle, as the sign-in and unlock forms all use it. */
import { useTranslation } from 'react-i18next';
import { Field } from './Field';
import { PasswordInput } from './Input';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  testId: string;
  disabled?: boolean;
  /** Shown under the field in red; the field's border turns red with it. */
  error?: string | null;
  readOnly?: boolean;
  required?: boolean;
}

export function PasswordField({ id, label, value, onChange, autoComplete, testId, disabled, error = null, readOnly, required }: Props) {
  const { t } = useTranslation();
  return (
    <Field label={label} htmlFor={id} error={error}>
      <PasswordInput
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={autoComplete}
        readOnly={readOnly}
        aria-required={required || undefined}
        invalid={!!error}
        disabled={disabled}
        showLabel={t('unlock.showPassword')}
        hideLabel={t('unlock.hidePassword')}
        data-testid={testId}
      />
    </Field>
  );
}
