/**
 * The OK button of the people dialogs. Each dialog's OK carries `person-submit` (only one dialog is open at
 * a time), which the end-to-end tests click.
 */
import type { ButtonProps } from 'antd';

export const PERSON_SUBMIT: ButtonProps & { 'data-testid': string } = { 'data-testid': 'person-submit' };
