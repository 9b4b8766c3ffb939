/**
 * The light kit: Ant Design's look for the screens painted before unlock (welcome, unlock), without
 * antd's runtime, whose evaluation and CSS-in-JS styling cost more than the whole rest of the first
 * paint. Only what those screens need; the screens after them use antd itself (components/AntdScope).
 * ErrorBanner, FolderInput and LanguageSwitch are the light twins of the antd ones in components/.
 */
import './light.css';

export { Alert } from './Alert';
export { Button } from './Button';
export { Card } from './Card';
export { Empty } from './Empty';
export { ErrorBanner } from './ErrorBanner';
export { Field } from './Field';
export { FolderInput } from './FolderInput';
export * from './icons';
export { PasswordInput, TextInput } from './Input';
export { LanguageSwitch } from './LanguageSwitch';
export { Tooltip } from './Tooltip';
