/**
 * Adds every feature's texts (src-main/contract/texts, the one source of texts) to i18next, in
 * both languages. Imported by the unlocked app (features/shell/MainLayout.tsx), the only place they
 * are used: the first screens load and parse only the shell's texts.
 */
import i18next from 'i18next';
import { RESOURCES } from './resources';

i18next.addResourceBundle('en', 'translation', RESOURCES.en, true, true);
i18next.addResourceBundle('zh-CN', 'translation', RESOURCES.zhCN, true, true);
