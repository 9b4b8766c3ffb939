/**
 * The app's Ant Design theme: antd's ConfigProvider uses it for the unlocked app, and the light
 * first screens (components/light/light.css) carry the same tokens as CSS variables, checked
 * against antd's own derivation by tests/unit/light-theme.test.ts.
 */
/**
 * antd's default font stack names no Chinese font, so Chinese text fell back to whatever the
 * system picks (SimSun on an English Windows, a per-character fallback search on Linux). The
 * stack names the usual Chinese UI font of each system: PingFang / Hiragino on macOS, Microsoft
 * YaHei on Windows, Noto Sans CJK / Source Han Sans / WenQuanYi on Linux desktops (UOS, Kylin).
 */
const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  "'Segoe UI'",
  "'PingFang SC'",
  "'Hiragino Sans GB'",
  "'Microsoft YaHei'",
  "'Noto Sans CJK SC'",
  "'Source Han Sans SC'",
  "'WenQuanYi Micro Hei'",
  "'Helvetica Neue'",
  'Arial',
  'sans-serif',
  "'Apple Color Emoji'",
  "'Segoe UI Emoji'",
  "'Segoe UI Symbol'",
  "'Noto Color Emoji'",
].join(', ');

export const THEME_TOKENS = { colorPrimary: '#1f4e79', borderRadius: 4, fontFamily: FONT_FAMILY } as const;
