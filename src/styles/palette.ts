/**
 * The few theme colours that code needs as values (the WeChat tab bar in app.config.ts, the map's markers): the
 * same values as `theme.scss`, which a unit test keeps in step. Nothing else in src/ writes a colour.
 */
export const PALETTE = {
  primary: '#c8102e',
  onPrimary: '#ffffff',
  surface: '#ffffff',
  textSecondary: '#595959',
  ok: '#1b5e20',
  mapGround: '#f3efe6',
  info: '#0d47a1',
  closed: '#595959',
  error: '#b71c1c',
  qrDark: '#111111',
} as const;

/** Maps palette names to the theme.scss variables they mirror. */
export const PALETTE_SCSS: Record<keyof typeof PALETTE, string> = {
  primary: '$c-primary',
  onPrimary: '$c-on-primary',
  surface: '$c-surface',
  textSecondary: '$c-text-secondary',
  ok: '$c-ok',
  mapGround: '$c-map-ground',
  info: '$c-info',
  closed: '$c-text-secondary',
  error: '$c-error',
  qrDark: '$c-qr-dark',
};
