/**
 * The app's Ant Design theme: antd's ConfigProvider uses it for the unlocked app, and the light
 * first screens (components/light/light.css) carry the same tokens as CSS variables, checked
 * against antd's own derivation by tests/unit/light-theme.test.ts.
 */
export const THEME_TOKENS = { colorPrimary: '#1f4e79', borderRadius: 4 } as const;
