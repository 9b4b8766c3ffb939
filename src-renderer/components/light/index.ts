/**
 * The light kit: Ant Design's look for the screens painted before unlock (welcome, unlock), without
 * antd's runtime, whose evaluation and CSS-in-JS styling cost more than the whole rest of the first
 * paint. Only what those screens need; the screens after them use antd itself (components/AntdScope).
 * components/ErrorBanner, FolderInput and LanguageSwitch are built on it and serve every screen.
 */
import './light.css';

export { Alert } from './Alert';
export { Button } from './Button';
export { Card } from './Card';
export { Empty } from './Empty';
export { Field } from './Field';
export * from './icons';
export { PasswordInput, TextInput } from './Input';
export { PasswordField } from './PasswordField';
export { Tooltip } from './Tooltip';
