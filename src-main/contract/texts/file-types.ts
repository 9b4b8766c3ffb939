/** The names main's open and save dialogs give the archive's own file types, both languages. */
import type { Locale } from '../messages';

export const fileTypesText = {
  en: {
    backup: 'Triplicate backup',
    offlinePackage: 'Triplicate offline package',
    revocationList: 'Triplicate revocation list',
  },
  zhCN: {
    backup: 'Triplicate 备份',
    offlinePackage: 'Triplicate 离线借阅包',
    revocationList: 'Triplicate 吊销清单',
  },
};

const EXTENSIONS: Record<keyof typeof fileTypesText.en, string> = { backup: 'tbk', offlinePackage: 'tpkg', revocationList: 'json' };

/** A dialog filter for one of the archive's file types, named in the person's language. */
export function fileTypeFilter(kind: keyof typeof fileTypesText.en, locale: Locale): { name: string; extensions: string[] } {
  return { name: (locale === 'en' ? fileTypesText.en : fileTypesText.zhCN)[kind], extensions: [EXTENSIONS[kind]] };
}
