/**
 * The offline reader's UI text (issue 15), both languages with the same keys (checked by
 * tests/unit/i18n-complete.test.ts). Merged under `reader`: t('reader.…').
 */
export const readerText = {
  en: {
    title: 'Offline package',
    intro:
      "Read a dossier package on this laptop, with no archive. Every open, section view and print is written into the package's reading log, which comes back to the archive when the package is returned.",
    choose: 'Choose a package file…',
    drop: 'Or drop a package file (.tpkg) on this window.',
    back: 'Back',
    revocations: 'Open a revocation list…',
    revocationsKept: 'Revocation list of {{createdAt}} kept ({{packages}} packages): packages it names will not open here again.',
    revocationsClosed: 'The open package is on the revocation list: it was closed and can never be opened again.',
    listsNone: 'No revocation list on this laptop yet.',
    listsSome: 'Revocation lists on this laptop: {{count}} (newest {{createdAt}}).',
    package: 'Dossier {{number}} · card {{card}} · copy {{copy}}',
    dueAt: 'Readable until {{at}}',
    destroyed: 'This package was returned or revoked: its key has been destroyed and it can never be opened again.',
    passphrase: 'Package passphrase',
    open: 'Open',
    opening: 'Deriving the key from the passphrase…',
    heading: '{{number}} {{customer}} (offline)',
    print: 'Print',
    close: 'Close',
    loading: 'Decrypting…',
    copyBlocked: 'Copying from an offline package is not allowed.',
    closed: {
      user: 'The package is closed. Its key is no longer in memory.',
      due: 'The loan ended at its due time: the package was closed and can no longer be read.',
      idle: 'The package was closed after a period of inactivity. Open it again with its passphrase.',
      suspend: 'The package was closed when the computer went to sleep.',
      'screen-lock': 'The package was closed when the screen was locked.',
      revoked: 'The archive revoked this package (or it was returned): it was closed and its key destroyed.',
      quit: 'The package was closed.',
    },
    openAgain: 'Open again',
    copiesTitle: 'What a copy of this file can do',
    copies:
      "A copy of the package file made before it is returned opens with the same passphrase and keeps its own reading log, until this laptop learns of the return from a revocation list (or the due time passes). From then on the copy is refused and its key destroyed. Its reading log still counts: when it comes back, every read made on it is imported into the archive's journal and flagged to the custodian. A copy can never be read after its due time, and never without the passphrase.",

    fetch: 'Update revocations from the archive server…',
    fetchTitle: 'Update revocations from the archive server',
    fetchIntro:
      'When this laptop can reach the archive server, sign in with your own login: the signed list of returned and revoked packages is fetched and kept here, with the same checks as a list file. Packages it names never open here again. Your password is used for this sign-in only and is not kept.',
    fetchSubmit: 'Fetch the list',
    fetchKept:
      'Revocation list of {{createdAt}} fetched from the archive server: {{packages}} packages revoked or returned. Packages it names will not open here again.',
  },
  zhCN: {
    title: '离线借阅包',
    intro: '在本笔记本电脑上阅读离线借阅包，无需档案库。每次打开、查看部分和打印都会写入离线包的阅读记录，离线包归还时随之回到档案库。',
    choose: '选择离线包文件…',
    drop: '也可以把离线包文件（.tpkg）拖到此窗口。',
    back: '返回',
    revocations: '打开吊销清单…',
    revocationsKept: '已保存 {{createdAt}} 的吊销清单（{{packages}} 个离线包）：清单上的离线包在本机不能再打开。',
    revocationsClosed: '当前打开的离线包在吊销清单上：已关闭，且永远无法再打开。',
    listsNone: '本机尚无吊销清单。',
    listsSome: '本机已有吊销清单 {{count}} 份（最新 {{createdAt}}）。',
    package: '档案 {{number}} · 借阅卡 {{card}} · 副本 {{copy}}',
    dueAt: '可阅读至 {{at}}',
    destroyed: '此离线包已归还或吊销：密钥已销毁，永远无法再打开。',
    passphrase: '离线包口令',
    open: '打开',
    opening: '正在由口令推导密钥…',
    heading: '{{number}} {{customer}}（离线）',
    print: '打印',
    close: '关闭',
    loading: '正在解密…',
    copyBlocked: '离线借阅包不允许复制内容。',
    closed: {
      user: '离线包已关闭，密钥已从内存清除。',
      due: '借阅已到期：离线包已关闭，不能再阅读。',
      idle: '长时间无操作，离线包已关闭。请用口令重新打开。',
      suspend: '电脑进入睡眠，离线包已关闭。',
      'screen-lock': '屏幕锁定，离线包已关闭。',
      revoked: '档案库已吊销此离线包（或已归还）：已关闭，密钥已销毁。',
      quit: '离线包已关闭。',
    },
    openAgain: '重新打开',
    copiesTitle: '此文件的副本能做什么',
    copies:
      '在归还前复制的离线包文件，用同一口令可以打开，并保留自己的阅读记录，直到本机从吊销清单得知该离线包已归还（或到期）。此后副本会被拒绝打开，密钥被销毁。其阅读记录仍然有效：副本交回时，其中的每次阅读都会导入档案库日志，并标记给保管员。副本在到期后永远不能阅读，没有口令也无法阅读。',

    fetch: '从档案服务器更新吊销清单…',
    fetchTitle: '从档案服务器更新吊销清单',
    fetchIntro:
      '本笔记本电脑能连接档案服务器时，请用本人账号登录：将取回已签名的已归还和已吊销离线包清单并保存在本机，校验方式与清单文件相同。清单上的离线包在本机永远不能再打开。密码仅用于本次登录，不会保存。',
    fetchSubmit: '取回清单',
    fetchKept: '已从档案服务器取回 {{createdAt}} 的吊销清单：已吊销或已归还的离线包 {{packages}} 个。清单上的离线包在本机不能再打开。',
  },
};
